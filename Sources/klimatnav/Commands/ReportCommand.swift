import ArgumentParser
import Foundation
import KlimatnavReport
import KlimatnavStore

/// `klimatnav report`: a self-contained HTML report and a Markdown version.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a report (HTML with charts, and Markdown) of goals, trajectories, gaps, barriers and each party.",
        discussion: """
            Writes klimatnav-report.LANG.html (self-contained: inline CSS and SVG, no network), \
            klimatnav-report.LANG.md, and parties/ID.LANG.html into --out. Without --lang, both \
            Swedish and English are written.
            """)

    @Option(help: "The hub's database file.")
    var db: String = "klimatnav.db"

    @Option(help: "The folder to write into (created if missing).")
    var out: String

    @Option(help: "Language: sv or en (default: both).")
    var lang: Language?

    func run() async throws {
        let store = try Database.openReadOnly(db)
        let model = try await ReportModel.load(from: store)
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        var written: [URL] = []
        do {
            for language in lang.map({ [$0] }) ?? [.sv, .en] {
                written += try ReportWriter.write(model, language: language, to: directory)
            }
        } catch {
            throw CLIError("could not write the report into '\(out)': \(error.localizedDescription)")
        }
        let main = written.filter { $0.deletingLastPathComponent().lastPathComponent != "parties" }
        for url in main { print(url.path) }
        print("\(written.count - main.count) party pages in \(directory.appendingPathComponent("parties").path)")
    }
}
