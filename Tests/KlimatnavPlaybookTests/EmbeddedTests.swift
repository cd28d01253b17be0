import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

@Suite struct EmbeddedTests {
    /// The text compiled into the binary is the file in `Playbooks/`.
    @Test func embeddedTextMatchesTheFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let seed = try String(contentsOf: root.appendingPathComponent("Playbooks/klimatkontrakt-2030.yaml"), encoding: .utf8)
        let responses = try String(contentsOf: root.appendingPathComponent("Playbooks/responses.yaml"), encoding: .utf8)
        #expect(EmbeddedPlaybooks.klimatkontrakt2030 == seed)
        #expect(EmbeddedPlaybooks.responses == responses)
    }

    /// The embedded Klimatkontrakt 2030 playbook loads without errors and applies cleanly.
    @Test func embeddedSeedIsValid() throws {
        let playbook: Playbook
        do {
            playbook = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        } catch {
            Issue.record("the embedded seed has errors:\n\(error)")
            return
        }
        #expect(playbook.id == "klimatkontrakt-2030")
        #expect(playbook.parties.filter { $0.kind == .municipality }.count == 9)
        let state = try playbook.initialState()
        #expect(state.parties.count == playbook.parties.count)
        _ = try playbook.state()
        // It survives a round trip through the writer.
        #expect(try PlaybookLoader.load(yaml: try playbook.yaml(), file: "again.yaml") == playbook)
    }
}
