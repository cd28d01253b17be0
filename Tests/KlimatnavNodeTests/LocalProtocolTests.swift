import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavNode

/// Protocols/klimatnav-local-v1.md: the spec's JSON examples decode as the node and `say` read
/// them, and the node fills in the sender where the body leaves it out.
@Suite struct LocalProtocolTests {
    static let spec = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Protocols/klimatnav-local-v1.md")

    /// The spec's ```json blocks, in order.
    func examples() throws -> [Data] {
        let text = try String(contentsOf: Self.spec, encoding: .utf8)
        return text.components(separatedBy: "```json\n").dropFirst().map { Data($0.components(separatedBy: "\n```")[0].utf8) }
    }

    @Test func theSpecsExamplesDecode() throws {
        let blocks = try examples()
        try #require(blocks.count == 5)
        let request = try JSONDecoder().decode(LocalRequest.self, from: blocks[0])
        #expect(request.version == 1 && request.message == "barrier.report" && request.waitMs == 5000)
        #expect(request.body["affects"] == .list(["uppsala"]))
        #expect(request.body["changeLevel"] == .text("national"))
        let answers = try blocks.dropFirst().map { try JSONDecoder().decode(LocalAnswer.self, from: $0) }
        #expect(answers.map(\.outcome) == [.accepted, .refused, .queued, .invalid])
        #expect(answers[0].stateSequence == 118 && answers[1].code == "not-authorized" && answers[2].sequence == 5)
        #expect(answers[3].errors?.first?.contains("'changeLevel'") == true)
        // What the node writes reads back the same.
        for answer in answers {
            #expect(try JSONDecoder().decode(LocalAnswer.self, from: JSONEncoder().encode(answer)) == answer)
        }
    }

    @Test func theSenderIsFilledInOnlyWhenLeftOut() throws {
        let request = try JSONDecoder().decode(LocalRequest.self, from: try examples()[0])
        let body = Dictionary(uniqueKeysWithValues: request.body(sentBy: "energimyndigheten"))
        #expect(body["reportedBy"] == .list(["energimyndigheten"]))
        var named = request
        named.body["reportedBy"] = .list(["lund"])
        #expect(Dictionary(uniqueKeysWithValues: named.body(sentBy: "energimyndigheten"))["reportedBy"] == .list(["lund"]))
        let claim = LocalRequest(message: "responsibility.claim", body: ["topic": .text("heat")])
        #expect(Dictionary(uniqueKeysWithValues: claim.body(sentBy: "vinnova"))["party"] == .text("vinnova"))
    }

    @Test func theNodesFolderIsPrivateAndTheSocketPathIsChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("knav-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = NodePaths(replica: folder.appendingPathComponent("lund.db").path)
        try paths.makeDirectory()
        let mode = try FileManager.default.attributesOfItem(atPath: paths.directory)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        #expect(paths.socketProblem == nil)
        let long = NodePaths(replica: "/tmp/" + String(repeating: "a", count: 100) + ".db")
        #expect(long.socketProblem?.contains("longer than 107 bytes") == true)
    }
}
