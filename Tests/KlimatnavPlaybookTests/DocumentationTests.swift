import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

@Suite struct DocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The first YAML example in Playbooks/README.md is a valid playbook.
    @Test func readmeExampleLoads() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("Playbooks/README.md"), encoding: .utf8)
        guard let start = readme.range(of: "```yaml\n"), let end = readme.range(of: "```", range: start.upperBound..<readme.endIndex) else {
            Issue.record("no yaml example"); return
        }
        let playbook = try PlaybookLoader.load(yaml: String(readme[start.upperBound..<end.lowerBound]), file: "README.md")
        #expect(playbook.schedule().count == 5 + 2 + 1 + 2 + 1)
    }

    /// Every source file docs/ARCHITECTURE.md names exists: the data path stays true when
    /// files move.
    @Test func architectureNamesFilesThatExist() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/ARCHITECTURE.md"), encoding: .utf8)
        let named = text.split(separator: "`").filter { $0.hasSuffix(".swift") && $0.contains("/") }.map(String.init)
        #expect(named.count >= 20)
        let missing = named.filter { path in
            !["Sources/", "Tests/", ""].contains {
                FileManager.default.fileExists(atPath: Self.root.appendingPathComponent($0 + path).path)
            }
        }
        #expect(missing.isEmpty, "docs/ARCHITECTURE.md names files that do not exist: \(missing)")
    }

    /// Every playbook under Playbooks/ (other than responses.yaml) loads.
    @Test func shippedPlaybooksLoad() throws {
        let directory = Self.root.appendingPathComponent("Playbooks")
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var loaded = 0
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml", url.lastPathComponent != "responses.yaml" else { continue }
            do {
                let playbook = try PlaybookLoader.load(contentsOf: url)
                _ = try playbook.state()
                loaded += 1
            } catch {
                Issue.record("\(url.lastPathComponent): \(error)")
            }
        }
        #expect(loaded >= 1)
    }

    @Test func syntaxErrorPointsWhereTheProblemStarts() {
        // The unclosed quote is on line 2; the parser notices at the end of the file (line 3).
        let diagnostics = PlaybookLoader.diagnose(yaml: "playbook: x\ntitle: \"open\n", file: "p.yaml")
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.description
                == "p.yaml:2:8: error: expected well-formed YAML, found unexpected end of stream at line 3, column 1 (while scanning a quoted scalar that starts here)"
        )
    }
}
