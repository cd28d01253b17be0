import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook

/// Each error class: where it is reported and what it says.
@Suite struct DiagnosticTests {
    /// The single diagnostic for `yaml`, as `file:line:column: error: message`.
    func only(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let diagnostics = Fixtures.diagnostics(yaml)
        #expect(diagnostics.count == 1, "\(diagnostics)", sourceLocation: sourceLocation)
        return diagnostics.first?.description ?? "<none>"
    }

    func replacing(_ fragment: String, with text: String) -> String {
        Fixtures.small(replacingLine: Fixtures.line(of: fragment), with: text)
    }

    @Test func unknownKeyWithDidYouMean() {
        let line = Fixtures.line(of: "targetYear: 2025")
        let yaml = replacing("targetYear: 2025", with: "    targtYear: 2025")
        #expect(
            only(yaml) == "test.yaml:\(line):5: error: expected a key of goal, found unknown key 'targtYear'; did you mean 'targetYear'?")
    }

    @Test func unknownKeyWithoutNearMiss() {
        let yaml = replacing("source: \"test\"", with: "colour: blue")
        #expect(only(yaml).hasPrefix("test.yaml:5:1: error: expected a key of playbook (playbook, version, title, asOf,"))
        #expect(only(yaml).hasSuffix("found unknown key 'colour'"))
    }

    @Test func wrongType() {
        let line = Fixtures.line(of: "baseYear: 1990")
        let yaml = replacing("baseYear: 1990", with: "    baseYear: nineteen-ninety")
        #expect(only(yaml) == "test.yaml:\(line):15: error: expected a whole number for 'baseYear', found 'nineteen-ninety'")
        let list = replacing("reportedBy: [goteborg, malmo]", with: "    reportedBy: goteborg")
        #expect(only(list).hasSuffix("error: expected a list for 'reportedBy', found 'goteborg'"))
    }

    @Test func missingKey() {
        let line = Fixtures.line(of: "party: goteborg\n")  // first goal's party line
        let yaml = Fixtures.small.replacingOccurrences(of: "    party: goteborg\n    reductionPercent", with: "    reductionPercent")
        #expect(
            only(yaml)
                == "test.yaml:\(Fixtures.line(of: "id: goteborg.interim")):5: error: expected key 'party' in goal, found only 'id', 'reductionPercent', 'baseYear', 'targetYear', 'interimOf'"
        )
        _ = line
    }

    @Test func aReferencePartyWithoutLevelSaysWhyLevelIsRequired() {
        let yaml = Fixtures.small.replacingOccurrences(
            of: "{ id: sweden, kind: reference, level: national, name: \"Sweden\" }",
            with: "{ id: sweden, kind: reference, name: \"Sweden\" }")
        #expect(only(yaml).contains("error: expected key 'level' (required for a party of kind 'reference'"))
    }

    @Test func unknownEnumValueListsAllowedOnes() {
        let yaml = Fixtures.small.replacingOccurrences(of: "kind: regional-hub", with: "kind: regional-hubb")
        #expect(
            only(yaml)
                == "test.yaml:\(Fixtures.line(of: "id: vgr")):22: error: expected one of municipality, agency, regional-hub, roadmap-owner, coordinator, reference for 'kind', found 'regional-hubb'; did you mean 'regional-hub'?"
        )
    }

    @Test func invalidPartyID() {
        let yaml = Fixtures.small.replacingOccurrences(of: "{ id: malmo,", with: "{ id: Malmö,")
            .replacingOccurrences(of: "status: absent", with: "status: absent ")
        let all = Fixtures.diagnostics(yaml).map(\.description)
        #expect(
            all.first
                == "test.yaml:8:11: error: expected a party id (lowercase ASCII letters, digits and '-', starting with a letter, at most 64) for 'id', found 'Malmö'; did you mean 'malmo'?"
        )
    }

    @Test func unknownPartyInFactsAndTimeline() {
        let yaml = Fixtures.small.replacingOccurrences(of: "{ hub: vgr, member: goteborg }", with: "{ hub: vgr, member: gotebrog }")
        #expect(
            only(yaml)
                == "test.yaml:\(Fixtures.line(of: "hub: vgr")):25: error: expected a party listed under 'parties' for 'member', found 'gotebrog'; did you mean 'goteborg'?"
        )
        let timeline = Fixtures.small.replacingOccurrences(of: "agency: energimyndigheten }", with: "agency: trafikverket }")
        #expect(only(timeline).hasSuffix("error: expected a party listed under 'parties' for 'agency', found 'trafikverket'"))
    }

    @Test func duplicateIDs() {
        let yaml = Fixtures.small.replacingOccurrences(of: "{ id: malmo,", with: "{ id: goteborg,")
        let diagnostics = Fixtures.diagnostics(yaml)
        #expect(diagnostics.first?.description == "test.yaml:8:5: error: expected a new party id, found 'goteborg', already defined at 7:5")
        let goals = Fixtures.small.replacingOccurrences(of: "id: sweden.net-zero-2045", with: "id: goteborg.interim")
        #expect(only(goals).hasSuffix("error: expected a new goal id, found 'goteborg.interim', already defined at 16:5"))
        #expect(only(goals).hasPrefix("test.yaml:\(Fixtures.line(of: "sweden.net-zero-2045")):5: "))
        let roadmaps = Fixtures.small.replacingOccurrences(of: "{ id: construction,", with: "{ id: lfm2030,")
            .replacingOccurrences(of: ", parent: construction", with: "")
        #expect(only(roadmaps).contains("expected a new roadmap id, found 'lfm2030'"))
    }

    @Test func impossibleYears() {
        let yaml = Fixtures.small.replacingOccurrences(of: "targetYear: 2045, scopes", with: "targetYear: 3045, scopes")
        #expect(
            only(yaml)
                == "test.yaml:\(Fixtures.line(of: "sweden.net-zero-2045")):83: error: expected a year in 1900-2200 for 'targetYear', found 3045"
        )
        let base = replacing("baseYear: 1990", with: "    baseYear: 2025")
        #expect(
            only(base)
                == "test.yaml:\(Fixtures.line(of: "baseYear: 1990")):15: error: expected a 'baseYear' before the target year 2025, found 2025"
        )
    }

    @Test func unknownGoalWord() {
        let yaml = Fixtures.small.replacingOccurrences(of: "word: near-zero", with: "word: nearly-zero")
        #expect(
            only(yaml)
                == "test.yaml:\(Fixtures.line(of: "word: near-zero")):11: error: expected one of climate-smart, reduced-consumption-impact, well-on-the-way, fossil-free, renewable, near-zero, zero, climate-neutral, no-negative-impact, climate-positive for 'word', found 'nearly-zero'; did you mean 'near-zero'?"
        )
    }

    @Test func unknownMessageName() {
        let yaml = Fixtures.small.replacingOccurrences(of: "message: barrier.assign", with: "message: barrier.asign")
        let text = only(yaml)
        #expect(
            text.hasPrefix("test.yaml:\(Fixtures.line(of: "message: barrier.assign")):14: error: expected a message name (party, goal,"))
        #expect(text.hasSuffix("found 'barrier.asign'; did you mean 'barrier.assign'?"))
    }

    @Test func timelineOutOfOrderAndBeforeAsOf() {
        let early = Fixtures.small.replacingOccurrences(of: "at: 2022-03-01\n", with: "at: 2021-09-30\n")
        #expect(
            only(early)
                == "test.yaml:\(Fixtures.line(of: "from: energimyndigheten") - 1):9: error: expected a date on or after asOf 2021-10-01, found 2021-09-30"
        )
        let order = Fixtures.small.replacingOccurrences(of: "at: 2022-03-01T10:00:00Z", with: "at: 2022-02-01")
        let line = Fixtures.line(of: "at: 2022-03-01T10:00:00Z")
        #expect(
            only(order)
                == "test.yaml:\(line):9: error: expected timeline entries in date order (on or after 2022-03-01 of line \(line - 4)), found 2022-02-01"
        )
    }

    @Test func wrongSender() {
        let yaml = Fixtures.small.replacingOccurrences(of: "from: malmo", with: "from: goteborg")
        #expect(
            only(yaml)
                == "test.yaml:\(Fixtures.line(of: "from: malmo")):11: error: expected 'from' to be 'malmo', the party that asserts this 'goal' message, found 'goteborg'"
        )
        let assign = Fixtures.small.replacingOccurrences(of: "from: energimyndigheten", with: "from: malmo")
        #expect(
            only(assign).hasSuffix(
                "error: expected 'from' to be 'energimyndigheten', the assigned agency, or the coordinator, found 'malmo'"))
    }

    @Test func unknownReferences() {
        let yaml = Fixtures.small.replacingOccurrences(of: "interimOf: goteborg.near-zero-2030", with: "interimOf: goteborg.near-zero-2031")
        #expect(
            only(yaml).hasSuffix(
                "error: expected a goal defined under 'goals' or earlier in the timeline for 'interimOf', found 'goteborg.near-zero-2031'; did you mean 'goteborg.near-zero-2030'?"
            ))
        let lab = Fixtures.small.replacingOccurrences(
            of: "barrier: energy-system-boundary, parties", with: "barrier: energy-boundary, parties")
        #expect(
            only(lab).contains(
                "expected a barrier defined under 'barriers' or earlier in the timeline for 'barrier', found 'energy-boundary'"))
    }

    @Test func cyclesAreReported() {
        let yaml = Fixtures.small.replacingOccurrences(
            of: "level: industry, targetYear: 2045 }", with: "level: industry, targetYear: 2045, parent: lfm2030 }")
        #expect(only(yaml).contains("found a cycle"))
    }

    @Test func multipleErrorsAreAllCollected() {
        let yaml = Fixtures.small
            .replacingOccurrences(of: "word: near-zero", with: "word: nearly-zero")
            .replacingOccurrences(of: "{ hub: vgr, member: goteborg }", with: "{ hub: vgr, member: gotebrog }")
            .replacingOccurrences(of: "message: barrier.assign", with: "message: barrier.asign")
            .replacingOccurrences(of: "targetYear: 2045, scopes", with: "targetYear: 1045, scopes")
        let diagnostics = Fixtures.diagnostics(yaml)
        #expect(diagnostics.count == 4)
        #expect(diagnostics.map(\.code) == [.unknownParty, .invalidValue, .impossibleYear, .unknownMessage])
        #expect(diagnostics.map(\.line) == diagnostics.map(\.line).sorted())
        do {
            _ = try PlaybookLoader.load(yaml: yaml, file: "test.yaml")
            Issue.record("expected errors")
        } catch {
            #expect(error.description.split(separator: "\n").count == 4)
            #expect(error.description.split(separator: "\n").allSatisfy { $0.hasPrefix("test.yaml:") && $0.contains(": error: ") })
        }
    }

    @Test func yamlSyntaxError() {
        let yaml = replacing("title: \"A small test\"", with: "title: \"A small test")
        let diagnostics = Fixtures.diagnostics(yaml)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .syntax)
        #expect(diagnostics.first?.description.hasPrefix("test.yaml:") == true)
        let duplicate = replacing("source: \"test\"", with: "title: again")
        #expect(only(duplicate).contains("expected each key once in a mapping, found 'title' more than once"))
    }

    @Test func emptyAndNonMappingInputs() {
        #expect(only("").hasPrefix("test.yaml:1:1: error: expected a playbook"))
        #expect(only("- a\n- b\n") == "test.yaml:1:1: error: expected playbook as a mapping (key: value pairs), found a list")
        let missing = Fixtures.diagnostics("playbook: x\n")
        #expect(missing.map(\.code) == [.missingKey, .missingKey, .missingKey, .missingKey])
    }

    @Test func hubRejectionsAreReportedAtTheEntry() {
        // Withdrawing a goal someone else owns is caught by the loader.
        let yaml =
            Fixtures.small + """

                  - at: 2022-04-01
                    from: goteborg
                    message: goal.withdraw
                    body: { goal: malmo.renewable-2030, party: goteborg }
                """
        #expect(only(yaml).contains("expected the party that owns goal 'malmo.renewable-2030' ('malmo') for 'party', found 'goteborg'"))
    }

    /// Random mutations of a valid playbook never crash the loader.
    @Test func fuzzNeverCrashes() {
        var rng = SplitMix64(seed: 42)
        let base = Array(Fixtures.small.utf8)
        let alphabet = Array("{}[]:,-'\"#&*!|>%@` \n\tabcz019.".utf8)
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<Int(rng.next() % 6) + 1 {
                let position = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[position] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: position)
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            for diagnostic in Fixtures.diagnostics(text) {
                #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
                #expect(diagnostic.message.contains("expected"))
            }
        }
        for text in ["", "~", "[", "{", "playbook: [", "a: b: c", "\u{0}", "--- \n...", "*x", "&a [*a]", "parties: 5"] {
            _ = Fixtures.diagnostics(text)
        }
    }
}

/// `validate` and the hub follow one rule for barrier reports (Authorization).
@Suite struct BarrierReportRuleTests {
    func timeline(_ body: String) -> String {
        Fixtures.small + """

              - at: 2022-04-01
                from: energimyndigheten
                message: barrier.report
                body: \(body)
            """
    }

    @Test func aTimelineReportNamingOtherReportersIsRefusedAsTheHubWould() {
        let diagnostics = Fixtures.diagnostics(
            timeline("{ id: permits, title: \"Permits\", changeLevel: national, reportedBy: [energimyndigheten, malmo] }"))
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(
            diagnostics.first?.description.contains("expected 'reportedBy' to be [energimyndigheten], the sender") == true, "\(diagnostics)"
        )
        #expect(diagnostics.first?.description.contains("'affects'") == true)
    }

    @Test func anAgencyReportsWhomTheRuleBlocksWithAffects() throws {
        let yaml = timeline(
            "{ id: permits, title: \"Permits\", changeLevel: national, reportedBy: [energimyndigheten], affects: [goteborg, malmo] }")
        #expect(Fixtures.diagnostics(yaml).isEmpty, "\(Fixtures.diagnostics(yaml))")
        let playbook = try PlaybookLoader.load(yaml: yaml, file: "test.yaml")
        let state = try playbook.state()
        #expect(state.barriers["permits"]?.blockedParties == ["goteborg", "malmo"])
        // Every scheduled message is one the hub would accept from its sender.
        var replay = WorldState()
        for message in playbook.schedule() {
            if let sender = replay.parties[message.from] ?? playbook.parties.first(where: { $0.id == message.from }),
                sender.kind != .reference  // reference goals are stated by the coordinator (NodeSet)
            {
                #expect(Authorization.check(message.event, from: sender, in: replay) == nil, "\(message.event.name) from \(message.from)")
            }
            try replay.apply(message.event)
        }
    }
}
