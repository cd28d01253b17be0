import Foundation
import KlimatnavCore
import Testing
import ZeroMQ

@testable import KlimatnavNode

@Suite(.timeLimit(.minutes(5))) struct KeyRingTests {
    let roster: Set<PartyID> = ["lund", "malmo"]

    private func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keyring-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func generatedFilesLoadAndMapKeysToParties() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lund = try KeyFile.generate(name: "lund", directory: dir)
        try KeyFile.generate(name: "hub", directory: dir)  // the hub's own .pub is ignored
        let mode = try FileManager.default.attributesOfItem(atPath: lund.secretPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: lund.secretPath, encoding: .utf8)
        #expect(text.hasPrefix("#"))
        let pair = try KeyFile.readSecret(lund.secretPath)
        #expect(pair.publicKey == lund.publicKey)
        let ring = try KeyRing.load(directory: dir, roster: roster)
        #expect(ring.count == 1)
        #expect(ring.party(for: lund.publicKey.z85) == "lund")
        #expect(throws: KeyFile.Error.self) { try KeyFile.generate(name: "lund", directory: dir) }
    }

    @Test func aFileForAnUnknownPartyIsAnErrorNamingIt() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try KeyFile.writePublic(try ZeroMQ.curveKeypair().publicKey, name: "atlantis", to: "\(dir)/atlantis.pub")
        do {
            _ = try KeyRing.load(directory: dir, roster: roster)
            Issue.record("loaded a key for a party not on the roster")
        } catch {
            #expect(error.message.contains("atlantis.pub"))
            #expect(error.message.contains("not a party on the hub's roster"))
        }
    }

    @Test func aMalformedFileIsAnErrorNamingFileAndLine() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "# comment\n\nnot-a-key\n".write(toFile: "\(dir)/malmo.pub", atomically: true, encoding: .utf8)
        do {
            _ = try KeyRing.load(directory: dir, roster: roster)
            Issue.record("loaded a malformed key")
        } catch {
            #expect(error.message.contains("malmo.pub:3"), "\(error.message)")
        }
    }

    @Test func aSharedKeyIsAnError() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let key = try ZeroMQ.curveKeypair().publicKey
        try KeyFile.writePublic(key, name: "lund", to: "\(dir)/lund.pub")
        try KeyFile.writePublic(key, name: "malmo", to: "\(dir)/malmo.pub")
        #expect(throws: KeyRing.Error.self) { try KeyRing.load(directory: dir, roster: roster) }
    }

    @Test func aSubscriberFileIsAReadOnlyKeyNotAParty() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lund = try KeyFile.generate(name: "lund", directory: dir)
        let dashboard = try KeyFile.generate(name: "dashboard.subscriber", directory: dir)
        let ring = try KeyRing.load(directory: dir, roster: roster)
        #expect(ring.count == 2)
        #expect(ring.party(for: lund.publicKey.z85) == "lund")
        #expect(ring.party(for: dashboard.publicKey.z85) == nil)
        #expect(ring.subscriber(for: dashboard.publicKey.z85) == "dashboard")
        #expect(ring.subscriber(for: lund.publicKey.z85) == nil)
    }

    @Test func aBadSubscriberNameOrASharedSubscriberKeyIsAnErrorNamingTheFile() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let key = try ZeroMQ.curveKeypair().publicKey
        try KeyFile.writePublic(key, name: "Dash", to: "\(dir)/Dash.subscriber.pub")
        #expect {
            try KeyRing.load(directory: dir, roster: roster)
        } throws: { error in
            "\(error)".contains("Dash.subscriber.pub: 'Dash' is not a subscriber name")
        }
        try FileManager.default.removeItem(atPath: "\(dir)/Dash.subscriber.pub")
        try KeyFile.writePublic(key, name: "lund", to: "\(dir)/lund.pub")
        try KeyFile.writePublic(key, name: "wall", to: "\(dir)/wall.subscriber.pub")
        #expect {
            try KeyRing.load(directory: dir, roster: roster)
        } throws: { error in
            "\(error)".contains("wall.subscriber.pub: the same key as lund.pub")
        }
    }

    @Test func aSecretKeyFileWithAMismatchedPublicKeyIsRefused() throws {
        let dir = try directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try ZeroMQ.curveKeypair()
        let b = try ZeroMQ.curveKeypair()
        try "public-key = \"\(b.publicKey.z85)\"\nsecret-key = \"\(a.secretKey.z85)\"\n".write(
            toFile: "\(dir)/x.key", atomically: true, encoding: .utf8)
        #expect(throws: KeyFile.Error.self) { try KeyFile.readSecret("\(dir)/x.key") }
        #expect(try KeyFile.publicKey(fileOrZ85: a.publicKey.z85) == a.publicKey)
    }
}
