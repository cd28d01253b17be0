import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Testing
import ZeroMQ

@testable import KlimatnavNode

#if canImport(Glibc)
import Glibc
#endif

/// Hostile peers against a CURVE hub: nothing they send may be accepted. Nested in HubTests
/// (serialized) so hubs do not pile up on a 2-core machine.
extension HubTests {
    @Suite(.timeLimit(.minutes(5))) struct AuthAbuseTests {
        @Test func anAuthorizedKeyWorksAndItsIdentityComesFromZAP() async throws {
            let fixture = try SecureHubFixture()
            let key = try fixture.makeKey("lund")
            try await fixture.startHub()
            let lund = try await fixture.link("lund", curve: key)
            #expect(try await lund.deliver(.goalAsserted(.sample("lund", "a"))).isAcknowledged)
            #expect(try await fixture.store().messages().map(\.sender) == ["lund"])
            await fixture.tearDown()
        }

        @Test func anUnknownKeyIsRefusedByZAPAndAudited() async throws {
            let fixture = try SecureHubFixture()
            try fixture.makeKey("lund")
            try await fixture.startHub()
            let peer = try CurvePeer(fixture, curve: try fixture.strangerKey())
            defer { peer.close() }
            #expect(try await peer.exchange(helloFrames("lund"), within: 0.5) == nil)
            _ = try await peer.exchange(goalFrames(1, .sample("lund", "x")), within: 0.5)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await fixture.store().messages().isEmpty)
            let audit = try await fixture.store().rejectedMessages()
            #expect(!audit.isEmpty)
            #expect(audit.allSatisfy { $0.code == HubSecurity.notAuthenticated && $0.sender == nil })
            #expect(audit.first?.reason.contains("unknown CURVE key") == true)
            await fixture.tearDown()
        }

        @Test func aPlainClientGetsNothingThrough() async throws {
            let fixture = try SecureHubFixture()
            try fixture.makeKey("lund")
            try await fixture.startHub()
            let peer = try CurvePeer(fixture, curve: nil)
            defer { peer.close() }
            #expect(try await peer.exchange(helloFrames("lund"), within: 0.5) == nil)
            #expect(try await peer.exchange(goalFrames(1, .sample("lund", "x")), within: 0.5) == nil)
            #expect(try await fixture.store().messages().isEmpty)
            await fixture.tearDown()
        }

        @Test func tcpGarbageIsDroppedAndTheHubKeepsServing() async throws {
            let fixture = try SecureHubFixture()
            let key = try fixture.makeKey("lund")
            try await fixture.startHub()
            let endpoint = fixture.endpoints.router!
            let port = UInt16(endpoint.split(separator: ":").last!)!
            for round in 0..<20 {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                #expect(fd >= 0)
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = port.bigEndian
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
                }
                #expect(connected == 0)
                var garbage = (0..<(64 + round * 37)).map { _ in UInt8.random(in: 0...255) }
                if round % 2 == 0 { garbage = [0xFF] + [UInt8](repeating: 0, count: 8) + [0x7F, 3] + garbage }  // a ZMTP-ish start
                _ = garbage.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
            let lund = try await fixture.link("lund", curve: key)
            #expect(try await lund.deliver(.goalAsserted(.sample("lund", "a"))).isAcknowledged)
            #expect(try await fixture.store().messages().count == 1)
            await fixture.tearDown()
        }

        @Test func aForgedHelloIsAnIdentityMismatch() async throws {
            let fixture = try SecureHubFixture()
            let lundKey = try fixture.makeKey("lund")
            try fixture.makeKey("malmo")
            try await fixture.startHub()
            let peer = try CurvePeer(fixture, curve: lundKey)
            defer { peer.close() }
            guard case .nack(let nack) = try await peer.exchange(helloFrames("malmo")) else {
                Issue.record("expected a NACK")
                return
            }
            #expect(nack.code == .identityMismatch)
            // Without a session nothing is accepted either.
            guard case .nack(let second) = try await peer.exchange(goalFrames(1, .sample("malmo", "x"))) else {
                Issue.record("expected a NACK")
                return
            }
            #expect(second.code == .noSession)
            #expect(try await fixture.store().messages().isEmpty)
            #expect(try await fixture.store().rejectedMessages().contains { $0.code == "identity-mismatch" && $0.sender == "lund" })
            await fixture.tearDown()
        }

        @Test func aForgedSenderFieldIsNotAuthorized() async throws {
            let fixture = try SecureHubFixture()
            let key = try fixture.makeKey("lund")
            try fixture.makeKey("malmo")
            try await fixture.startHub()
            let lund = try await fixture.link("lund", curve: key)
            guard case .refused(_, let code, _) = try await lund.deliver(.goalAsserted(.sample("malmo", "forged"))) else {
                Issue.record("a forged goal was accepted")
                return
            }
            #expect(code == .notAuthorized)
            #expect(try await fixture.store().messages().isEmpty)
            await fixture.tearDown()
        }

        /// The routing id is the peer's choice: a connection authenticated as malmo that takes
        /// lund's routing id gets no share of lund's session.
        @Test func aStolenRoutingIDGetsNoSession() async throws {
            let fixture = try SecureHubFixture()
            let lundKey = try fixture.makeKey("lund")
            let malmoKey = try fixture.makeKey("malmo")
            try await fixture.startHub()
            let lund = try await fixture.link("lund", curve: lundKey)
            #expect(try await lund.deliver(.goalAsserted(.sample("lund", "a"))).isAcknowledged)
            await lund.close()
            try await Task.sleep(for: .milliseconds(200))
            let endpoint = fixture.endpoints.router!
            let thief = try AsyncSocket(fixture.context, type: .dealer) { socket in
                try socket.set(.linger, 0)
                try socket.set(.routingId, Array("lund".utf8))
                try malmoKey.configure(socket)
                try socket.connect(endpoint)
            }
            defer { thief.close() }
            try await thief.send(Message(goalFrames(2, .sample("lund", "b"))))
            var iterator = thief.batches.makeAsyncIterator()
            let answer = try #require(try await iterator.next()?.first)
            guard case .nack(let nack) = try WireCodec.decode(frames: answer.frames) else {
                Issue.record("expected a NACK")
                return
            }
            #expect(nack.code == .noSession)
            #expect(try await fixture.store().messages().count == 1)
            await fixture.tearDown()
        }

        @Test func aReplayIsNotAcceptedAsNew() async throws {
            let fixture = try SecureHubFixture()
            let lundKey = try fixture.makeKey("lund")
            let malmoKey = try fixture.makeKey("malmo")
            try await fixture.startHub()
            let captured = try goalFrames(1, .sample("lund", "a"))
            let original = try CurvePeer(fixture, curve: lundKey)
            defer { original.close() }
            guard case .welcome = try await original.exchange(helloFrames("lund")) else {
                Issue.record("expected WELCOME")
                return
            }
            guard case .ack = try await original.exchange(captured) else {
                Issue.record("expected ACK")
                return
            }
            // The same key on a new connection: a duplicate, answered as before, stored once.
            let again = try CurvePeer(fixture, curve: lundKey)
            defer { again.close() }
            _ = try await again.exchange(helloFrames("lund"))
            guard case .ack(let ack) = try await again.exchange(captured) else {
                Issue.record("expected the first answer again")
                return
            }
            #expect(ack.sequence == 1)
            // Another party's key cannot replay it as lund: it speaks as malmo and is refused.
            let other = try CurvePeer(fixture, curve: malmoKey)
            defer { other.close() }
            _ = try await other.exchange(helloFrames("malmo"))
            guard case .nack(let nack) = try await other.exchange(captured) else {
                Issue.record("a replay from another key was accepted")
                return
            }
            #expect(nack.code == .notAuthorized)
            // An unknown key cannot even connect.
            let stranger = try CurvePeer(fixture, curve: try fixture.strangerKey())
            defer { stranger.close() }
            #expect(try await stranger.exchange(captured, within: 0.5) == nil)
            #expect(try await fixture.store().messages().count == 1)
            await fixture.tearDown()
        }

        @Test func revocationCutsALiveSessionAndRotationLetsTheNewKeyIn() async throws {
            let fixture = try SecureHubFixture()
            let oldKey = try fixture.makeKey("lund")
            try await fixture.startHub()
            let peer = try CurvePeer(fixture, curve: oldKey)
            defer { peer.close() }
            _ = try await peer.exchange(helloFrames("lund"))
            guard case .ack = try await peer.exchange(goalFrames(1, .sample("lund", "a"))) else {
                Issue.record("expected ACK")
                return
            }
            // Revoke: remove the file; the hub notices within its reload interval.
            try FileManager.default.removeItem(atPath: "\(fixture.keysDirectory)/lund.pub")
            try await Task.sleep(for: .milliseconds(600))
            guard case .nack(let nack) = try await peer.exchange(goalFrames(2, .sample("lund", "b"))) else {
                Issue.record("a revoked key's message was accepted")
                return
            }
            #expect(nack.code == .notAuthorized)
            #expect(nack.reason.contains("key revoked"))
            guard case .nack(let hello) = try await peer.exchange(helloFrames("lund")) else {
                Issue.record("a revoked key got a session")
                return
            }
            #expect(hello.code == .notAuthorized)
            // A new connection with the old key is refused by ZAP.
            let retry = try CurvePeer(fixture, curve: oldKey)
            defer { retry.close() }
            #expect(try await retry.exchange(helloFrames("lund"), within: 0.5) == nil)
            // Rotation: a new key file for lund lets the new key in; the old one stays out.
            let newKey = try fixture.makeKey("lund")
            try await Task.sleep(for: .milliseconds(600))
            let lund = try await fixture.link("lund", curve: newKey)
            #expect(try await lund.deliver(.goalAsserted(.sample("lund", "c"))).isAcknowledged)
            guard case .nack(let stale) = try await peer.exchange(goalFrames(3, .sample("lund", "d"))) else {
                Issue.record("the rotated-out key was accepted")
                return
            }
            #expect(stale.code == .notAuthorized)
            #expect(try await fixture.store().messages().map(\.type) == ["goal", "goal"])
            #expect(try await fixture.store().rejectedMessages().contains { $0.reason.contains("key revoked") })
            await fixture.tearDown()
        }

        @Test func theFeedIsCURVETooAndRevokedSubscribersAreCut() async throws {
            let fixture = try SecureHubFixture()
            let lundKey = try fixture.makeKey("lund")
            let coordKey = try fixture.makeKey("coord")
            try await fixture.startHub(publish: true)
            let publisher = fixture.endpoints.publisher!
            func subscriber(_ curve: CurveClient?) throws -> AsyncSocket {
                try AsyncSocket(fixture.context, type: .sub) { socket in
                    try socket.set(.linger, 0)
                    try socket.subscribe()
                    try curve?.configure(socket)
                    try socket.connect(publisher)
                }
            }
            let coord = try subscriber(coordKey)
            let plain = try subscriber(nil)
            let stranger = try subscriber(try fixture.strangerKey())
            defer { [coord, plain, stranger].forEach { $0.close() } }
            try await Task.sleep(for: .milliseconds(300))
            let lund = try await fixture.link("lund", curve: lundKey)
            #expect(try await lund.deliver(.goalAsserted(.sample("lund", "a"))).isAcknowledged)
            func received(_ socket: AsyncSocket, within seconds: Double) async -> Int {
                await withTaskGroup(of: Int.self) { group in
                    group.addTask {
                        var iterator = socket.batches.makeAsyncIterator()
                        return (try? await iterator.next())??.count ?? 0
                    }
                    group.addTask {
                        try? await Task.sleep(for: .seconds(seconds))
                        return 0
                    }
                    defer { group.cancelAll() }
                    return await group.next() ?? 0
                }
            }
            #expect(await received(coord, within: 2) > 0)
            #expect(await received(plain, within: 0.3) == 0)
            #expect(await received(stranger, within: 0.3) == 0)
            // Revoke coord: the hub rebinds PUB, coord's connection ends and ZAP refuses it again.
            try FileManager.default.removeItem(atPath: "\(fixture.keysDirectory)/coord.pub")
            try await Task.sleep(for: .milliseconds(800))
            _ = await received(coord, within: 0.2)  // drain anything published before
            #expect(try await lund.deliver(.goalAsserted(.sample("lund", "b"))).isAcknowledged)
            #expect(await received(coord, within: 0.5) == 0)
            await fixture.tearDown()
        }
    }
}
