import Foundation
import Testing

/// Mistakes a user makes get a message that names what was wrong and what to do
/// (RELIABILITY.md, "Errors that help").
@Suite(.serialized, .timeLimit(.minutes(5))) struct ErrorMessageTests {
    /// A database with the embedded playbook's parties and gaps.
    func seededDatabase(_ scratch: Scratch) async throws -> String {
        let db = scratch.path("k.db")
        let run = try await Klimatnav.run(["run", "--db", db])
        try #require(run.status == 0, "\(run.stderr)")
        return db
    }

    @Test func unknownFilterValuesAreErrorsThatListTheValidOnes() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try await seededDatabase(scratch)
        let party = try await Klimatnav.run(["gaps", "--db", db, "--party", "nobody"])
        #expect(party.status != 0)
        #expect(party.stderr.contains("unknown party 'nobody'; valid values:"), "\(party.stderr)")
        #expect(party.stderr.contains("goteborg") && party.stderr.contains("vaxjo"), "\(party.stderr)")
        let kind = try await Klimatnav.run(["gaps", "--db", db, "--kind", "bogus"])
        #expect(kind.status != 0)
        #expect(kind.stderr.contains("unknown gap kind 'bogus'") && kind.stderr.contains("governance-gap"), "\(kind.stderr)")
        let known = try await Klimatnav.run(["gaps", "--db", db, "--party", "lund"])
        #expect(known.status == 0, "\(known.stderr)")
    }

    @Test func anUnknownDurabilityListsTheValidOnes() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for command in [["run"], ["hub", "--bind", "tcp://127.0.0.1:0"]] {
            let result = try await Klimatnav.run(command + ["--db", scratch.path("k.db"), "--durability", "fast"])
            #expect(result.status != 0)
            #expect(
                result.stderr.contains("'fast'") && result.stderr.contains("'full'") && result.stderr.contains("'normal'"),
                "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: scratch.path("k.db")))
        }
    }

    @Test func runningTwiceOnOneDatabaseSaysSo() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try await seededDatabase(scratch)
        let second = try await Klimatnav.run(["run", "--db", db])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("The database already held"), "\(second.stdout)")
        #expect(second.stdout.contains("Give --db a new file"), "\(second.stdout)")
    }

    @Test func aNodeWithNoHubSaysEarlyThatItIsStillTryingAndNamesTheAddress() async throws {
        let endpoint = "tcp://127.0.0.1:\(Int.random(in: 47100...47900))"
        let result = try await Klimatnav.run(["node", "--party", "lund", "--connect", endpoint, "--timeout", "7"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("still trying to reach the hub at \(endpoint)"), "\(result.stderr)")
        #expect(result.stderr.contains("gave up waiting for the hub's WELCOME from \(endpoint)"), "\(result.stderr)")
    }

    @Test func aDashboardOnATakenPortNamesTheAddress() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try await seededDatabase(scratch)
        let (first, line) = try await Klimatnav.start(["serve", "--db", db, "--http", "127.0.0.1:0"])
        defer { first.terminate() }
        let port = line.split(separator: ":").last?.split(separator: "/").first.map(String.init) ?? ""
        let second = try await Klimatnav.run(["serve", "--db", db, "--http", "127.0.0.1:\(port)"])
        #expect(second.status != 0)
        #expect(second.stderr.contains("the address 127.0.0.1:\(port) is already in use"), "\(second.stderr)")
    }

    @Test func versionAndLogOptions() async throws {
        let version = try await Klimatnav.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("klimatnav "), "\(version.stdout)")
        let help = try await Klimatnav.run(["log", "--help"])
        #expect(!help.stdout.contains("9223372036854775807"), "\(help.stdout)")
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try await seededDatabase(scratch)
        let whole = try await Klimatnav.run(["log", "--db", db, "--id", "1"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let lines = whole.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines[1].hasPrefix("{") && lines[1].hasSuffix("}"), "\(whole.stdout)")
        let missing = try await Klimatnav.run(["log", "--db", db, "--id", "999999"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no message with log id 999999"), "\(missing.stderr)")
    }
}

/// Exports that open right in Swedish Excel and stay RFC 4180 for programs.
@Suite(.timeLimit(.minutes(3))) struct ExportTests {
    @Test func excelCSVHasSemicolonsAByteOrderMarkAndSurvivesPythonsCSVModule() async throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = scratch.path("k.db")
        _ = try await Klimatnav.run(["run", "--db", db])
        let excel = try await Klimatnav.run(["gaps", "--db", db, "--format", "excel"])
        #expect(excel.status == 0, "\(excel.stderr)")
        #expect(excel.stdout.hasPrefix("\u{FEFF}id;kind;status;"), "\(excel.stdout.prefix(60))")
        let file = scratch.path("gaps.csv")
        try excel.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let script = """
            from csv import reader
            from sys import argv
            with open(argv[1], encoding="utf-8-sig", newline="") as f:
                rows = list(reader(f, delimiter=";"))
            assert rows[0][0] == "id", rows[0]
            assert all(len(r) == 17 for r in rows), [len(r) for r in rows]
            assert rows[0][11] == "recommendationSv" and any(" bör " in r[11] for r in rows[1:]), "no Swedish recommendation"
            text = " ".join(" ".join(r) for r in rows)
            assert "Växjö" in text and "Göteborg" in text, "no å/ä/ö"
            print(len(rows) - 1)
            """
        let parsed = try await Subprocess.run("/usr/bin/env", ["python3", "-c", script, file])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let count = try await gaps(db).count
        #expect(Int(parsed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == count)
        let plain = try await Klimatnav.run(["gaps", "--db", db, "--format", "csv"])
        #expect(plain.stdout.hasPrefix("id,kind,status,"))
    }
}
