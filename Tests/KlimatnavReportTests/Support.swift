import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavPlaybook
import KlimatnavReport
import KlimatnavStore
import Logging

#if canImport(FoundationXML)
import FoundationXML
#endif

enum Support {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The seed's state (facts as of the report), without a hub.
    static func seedModel() throws -> ReportModel {
        let playbook = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        let state = try playbook.state()
        let gaps = GapEngine().gaps(in: state).map {
            GapRecord(gap: $0, status: "open", openedAt: Date(timeIntervalSince1970: 1_633_046_400), resolvedAt: nil)
        }
        return ReportModel(state: state, openGaps: gaps, generatedAt: Date(timeIntervalSince1970: 1_640_995_200))
    }

    /// A fresh folder under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("klimatnav-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Plays `Playbooks/scenarios/lund-adopts-2022.yaml` through the real in-process runner
    /// (hub and nodes over loopback ZeroMQ) into a fresh database; returns its path.
    static func scenarioDatabase() async throws -> String {
        let playbook = try PlaybookLoader.load(contentsOf: root.appendingPathComponent("Playbooks/scenarios/lund-adopts-2022.yaml"))
        let path = try temporaryDirectory().appendingPathComponent("lund.db").path
        var logger = Logger(label: "report-test")
        logger.logLevel = .critical
        let responses = try ResponsePlaybookLoader.load(yaml: EmbeddedPlaybooks.responses)
        let summary = try await PlaybookRunner(
            playbook: playbook, databasePath: path, durability: .normal, responses: responses, logger: logger
        ).run()
        precondition(summary.refusals.isEmpty, "scenario refused: \(summary.refusals)")
        return path
    }
}

/// Collects element names and checks an SVG or XML document parses.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var error: Error?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append((elementName, attributes))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }

    static func parse(_ text: String) -> XMLCollector? {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() && collector.error == nil ? collector : nil
    }
}
