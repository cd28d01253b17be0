import Foundation
import Testing

/// `run` and `gaps` speak Swedish with `--lang sv` (and by default under a Swedish LANG).
@Suite(.timeLimit(.minutes(3))) struct LanguageTests {
    @Test func runAndGapsInSwedish() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("k.db")
        let run = try await Klimatnav.run(["run", "--db", db, "--lang", "sv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("meddelanden skickade") && run.stdout.contains("Öppna glapp:"), "\(run.stdout)")
        #expect(run.stdout.contains("Oklart ansvar mellan nivåer"), "\(run.stdout)")
        #expect(run.stdout.hasPrefix("Klimatnav: Klimatkontrakt 2030 (läget i oktober 2021)\n"), "the Swedish title in Swedish")
        for english in ["Open gaps", "messages sent", "stored and acknowledged", "Database:"] {
            #expect(!run.stdout.contains(english), "English '\(english)' in the Swedish summary")
        }
        let english = try await Klimatnav.run(["gaps", "--db", db, "--lang", "en"])
        let swedish = try await Klimatnav.run(["gaps", "--db", db, "--lang", "sv"])
        #expect(english.stdout.contains("parties: ") && !english.stdout.contains("parter: "))
        #expect(swedish.stdout.contains("parter: ") && !swedish.stdout.contains("parties: "), "\(swedish.stdout)")
        // The same gaps, one sentence each, in both languages.
        #expect(english.stdout.components(separatedBy: "  id: ").count == swedish.stdout.components(separatedBy: "  id: ").count)
    }
}
