import Foundation
import KlimatnavCore
import KlimatnavStore
import Testing

/// Issue 15: long-lived party nodes as separate processes, `say`, `inbox`, and a regional
/// hub's replica, across a hub crash.
@Suite(.serialized, .timeLimit(.minutes(5))) struct PartyNodeTests {
    /// Energimyndigheten (an agency), Uppsala (a municipality) and STUNS (the regional hub
    /// Uppsala is a member of, in the embedded playbook).
    @Test func anAgencySaysABarrierTheMunicipalitySeesItAndNothingIsLostOverAHubCrash() async throws {
        var nodes = try PartyNodes()
        defer { nodes.abandon() }
        try await nodes.startHub()
        // Uppsala's roadmap and STUNS's memberships, from the playbook by the one-shot sender.
        for party in ["uppsala", "stuns"] {
            let sent = try await Klimatnav.run(["node", "--party", party, "--connect", nodes.router, "--timeout", "30"])
            #expect(sent.stdout.contains("acknowledged"), "\(party): \(sent.stdout) \(sent.stderr)")
        }
        for party in ["energimyndigheten", "uppsala", "stuns"] { try await nodes.startNode(party) }

        // The regional hub's replica holds its member's roadmap.
        let roadmap = try await nodes.poll("STUNS's replica to hold Uppsala's roadmap", nodes.db("stuns")) { store in
            let state = try await store.currentState()
            guard state.members(of: "stuns").contains("uppsala") else { return nil as Roadmap? }
            return state.roadmaps.values.first { $0.owner == "uppsala" }
        }
        #expect(roadmap.id == "uppsala.fardplan-klimatpositivt")

        // The agency logs a barrier in one command.
        let said = try await nodes.say([
            "barrier", "--db", nodes.db("energimyndigheten"), "--id", "single-building-boundary",
            "--title", "Energy system boundary at a single building", "--instrument", "Boverkets byggregler",
            "--change-level", "national", "--affects", "uppsala,enkoping",
        ])
        #expect(said.status == 0 && said.stdout.hasPrefix("accepted"), "say: \(said.stdout) \(said.stderr)")

        // Uppsala's inbox shows the gap it caused.
        let gapID = "policy-lab-candidate:single-building-boundary"
        _ = try await nodes.poll("the gap in Uppsala's replica", nodes.db("uppsala")) { store in
            try await store.inbox(party: "uppsala", after: 0).new.first { $0.gap.id == gapID }
        }
        let inbox = try await Klimatnav.run(["inbox", "--db", nodes.db("uppsala"), "--lang", "en"])
        #expect(inbox.status == 0, "\(inbox.stderr)")
        let newPart = inbox.stdout.components(separatedBy: "\nOpen (")[0]
        #expect(newPart.contains("New since last read") && newPart.contains(gapID), "inbox: \(inbox.stdout)")
        let again = try await Klimatnav.run(["inbox", "--db", nodes.db("uppsala"), "--lang", "en"])
        #expect(again.stdout.contains("New since last read (0)"), "second read: \(again.stdout)")
        #expect(again.stdout.contains(gapID), "still open: \(again.stdout)")

        // The regional hub's replica reads as a hub's database does.
        _ = try await nodes.poll("the gap in STUNS's replica", nodes.db("stuns")) { store in
            try await store.gaps().first { $0.gap.id == gapID }
        }
        let replicaGaps = try await Klimatnav.run(["gaps", "--db", nodes.db("stuns"), "--party", "uppsala", "--format", "json"])
        #expect(
            replicaGaps.status == 0 && replicaGaps.stdout.contains(gapID),
            "gaps on the replica: \(replicaGaps.stdout) \(replicaGaps.stderr)")
        let report = try await Klimatnav.run([
            "report", "--db", nodes.db("stuns"), "--out", nodes.scratch.path("stuns-report"), "--lang", "en",
        ])
        #expect(report.status == 0, "report on the replica: \(report.stderr)")
        // Only the node's user reaches its socket.
        let socket = try FileManager.default.attributesOfItem(atPath: nodes.db("uppsala") + ".node/say.ipc")
        #expect(socket[.posixPermissions] as? Int == 0o600)

        // The hub crashes; Uppsala says something meanwhile; the hub comes back.
        await nodes.killHub()
        let summary = "Klimatnav test: heat plan started"
        let queued = try await nodes.say([
            "commitment", "--db", nodes.db("uppsala"), "--section", "3.7", "--status", "described", "--summary", summary, "--wait", "1",
        ])
        #expect(queued.status == 0 && queued.stdout.hasPrefix("queued"), "say while down: \(queued.stdout) \(queued.stderr)")
        try await nodes.startHub()
        _ = try await nodes.poll("Uppsala's commitment in the hub", nodes.hubDB) { _ in
            try await nodes.hubRows("uppsala", "commitment", containing: summary) > 0 ? true : nil
        }
        // The regional hub's replica recovers across the restart and sees it too.
        _ = try await nodes.poll("the commitment in STUNS's replica", nodes.db("stuns")) { store in
            try await store.currentState().commitments.values.contains { $0.summary == summary } ? true : nil
        }
        let afterRestart = try await nodes.say([
            "claim", "--db", nodes.db("energimyndigheten"), "--topic", "single-building-boundary",
        ])
        #expect(afterRestart.stdout.hasPrefix("accepted"), "say after restart: \(afterRestart.stdout) \(afterRestart.stderr)")
        // Nothing said is lost or doubled.
        #expect(try await nodes.hubRows("energimyndigheten", "barrier.report", containing: "single-building-boundary") == 1)
        #expect(try await nodes.hubRows("uppsala", "commitment", containing: summary) == 1)
        #expect(try await nodes.hubRows("energimyndigheten", "responsibility.claim", containing: "single-building-boundary") == 1)
        await nodes.stop()
        for (party, process) in nodes.nodes { #expect(process.terminationStatus == 0, "node \(party) after SIGTERM") }
    }

    @Test func theCoordinatorAssignsAGapThroughItsNodeAndTheAssigneeComments() async throws {
        var nodes = try PartyNodes()
        defer { nodes.abandon() }
        try await nodes.startHub()
        for party in ["energimyndigheten", "viable-cities"] { try await nodes.startNode(party) }
        let said = try await nodes.say([
            "barrier", "--db", nodes.db("energimyndigheten"), "--id", "heat-permits", "--title", "Permits for heat pumps",
            "--change-level", "national", "--affects", "lund,malmo",
        ])
        #expect(said.stdout.hasPrefix("accepted"), "\(said.stdout) \(said.stderr)")
        let gapID = "policy-lab-candidate:heat-permits"
        _ = try await nodes.poll("the gap in the coordinator's replica", nodes.db("viable-cities")) { store in
            try await store.gaps().first { $0.gap.id == gapID }
        }
        // A follow-up without its required reason is the loader's error, and nothing is sent.
        let noReason = try await nodes.say(["followup", "dismiss", "--db", nodes.db("viable-cities"), "--gap", gapID])
        #expect(noReason.status != 0 && noReason.stderr.contains("text"), "\(noReason.stdout) \(noReason.stderr)")
        let assigned = try await nodes.say([
            "followup", "assign", "--db", nodes.db("viable-cities"), "--gap", gapID, "--assignee", "energimyndigheten",
            "--role", "handläggare", "--due", "2027-03-31",
        ])
        #expect(assigned.stdout.hasPrefix("accepted"), "\(assigned.stdout) \(assigned.stderr)")
        let comment = try await nodes.say([
            "followup", "comment", "--db", nodes.db("energimyndigheten"), "--gap", gapID, "--text", "Vi tar det med Boverket.",
        ])
        #expect(comment.stdout.hasPrefix("accepted"), "\(comment.stdout) \(comment.stderr)")
        let listed = try await Klimatnav.run(["gaps", "--db", nodes.hubDB, "--assigned-to", "energimyndigheten", "--format", "json"])
        #expect(
            listed.stdout.contains(gapID) && listed.stdout.contains("handläggare") && listed.stdout.contains("Vi tar det med Boverket."),
            "\(listed.stdout)")
        #expect(try await nodes.hubRows("viable-cities", "gap.followup", containing: "dismiss") == 0)
        // The gap names Lund and Malmö, not the agency; assigned to it, it is in its inbox.
        _ = try await nodes.poll("the assigned gap in the agency's inbox", nodes.db("energimyndigheten")) { store in
            try await store.inbox(party: "energimyndigheten", after: 0).open.first { $0.gap.id == gapID }
        }
        await nodes.stop()
    }

    @Test func aFactSaidWhileTheHubIsDownIsQueuedAndDeliveredWhenItReturns() async throws {
        var nodes = try PartyNodes()
        defer { nodes.abandon() }
        try await nodes.startHub()
        try await nodes.startNode("vinnova")
        _ = try await nodes.poll("Vinnova's replica", nodes.db("vinnova")) { store in
            try await store.parties().isEmpty ? nil : true
        }
        await nodes.killHub()
        let queued = try await nodes.say(["claim", "--db", nodes.db("vinnova"), "--topic", "test-beds", "--wait", "1"])
        #expect(queued.status == 0, "\(queued.stderr)")
        #expect(queued.stdout.hasPrefix("queued: hub not reachable, will be sent when it returns"), "\(queued.stdout)")
        try await nodes.startHub()
        let rows = try await nodes.poll("the claim in the hub", nodes.hubDB) { _ in
            let count = try await nodes.hubRows("vinnova", "responsibility.claim", containing: "test-beds")
            return count > 0 ? count : nil
        }
        #expect(rows == 1)
        await nodes.stop()
    }

    @Test func sayChecksTheFactAsThePlaybookLoaderDoes() async throws {
        var nodes = try PartyNodes()
        defer { nodes.abandon() }
        try await nodes.startHub()
        try await nodes.startNode("formas")
        _ = try await nodes.poll("Formas's replica", nodes.db("formas")) { store in
            try await store.parties().isEmpty ? nil : true
        }
        let wrong = try await nodes.say([
            "barrier", "--db", nodes.db("formas"), "--title", "A rule", "--change-level", "nationell", "--affects", "lund,nowhere",
        ])
        #expect(wrong.status == 1)
        #expect(
            wrong.stderr.contains("expected one of local, regional, national, eu, industry for 'changeLevel', found 'nationell'"),
            "\(wrong.stderr)")
        #expect(wrong.stderr.contains("expected a party listed under 'parties' for 'affects', found 'nowhere'"), "\(wrong.stderr)")
        let noNode = try await nodes.say(["claim", "--db", nodes.scratch.path("none.db"), "--topic", "x"])
        #expect(noNode.status != 0 && noNode.stderr.contains("no node is running for --db"), "\(noNode.stderr)")
        #expect(try await nodes.hubRows("formas", "barrier.report", containing: "") == 0)
        await nodes.stop()
    }

    /// CURVE as for the one-shot node: the link and the replica's feed both use the party's key.
    @Test func aLongLivedNodeWithItsKeyTalksToACURVEHub() async throws {
        var nodes = try PartyNodes()
        defer { nodes.abandon() }
        let keys = nodes.scratch.path("keys")
        let authorized = nodes.scratch.path("authorized")
        try FileManager.default.createDirectory(atPath: authorized, withIntermediateDirectories: true)
        _ = try await Klimatnav.run(["keys", "generate", "--party", "lund", "--dir", keys])
        _ = try await Klimatnav.run(["keys", "generate", "--hub", "--dir", keys])
        try FileManager.default.copyItem(atPath: keys + "/lund.pub", toPath: authorized + "/lund.pub")
        nodes.hubArguments = ["--keys", authorized, "--secret-key", keys + "/hub.key"]
        nodes.nodeArguments["lund"] = ["--key", keys + "/lund.key", "--hub-key", keys + "/hub.pub"]
        try await nodes.startHub()
        try await nodes.startNode("lund")
        _ = try await nodes.poll("Lund's replica over CURVE", nodes.db("lund")) { store in
            try await store.parties().isEmpty ? nil : true
        }
        let said = try await nodes.say(["claim", "--db", nodes.db("lund"), "--topic", "heat-planning"])
        #expect(said.stdout.hasPrefix("accepted"), "\(said.stdout) \(said.stderr)")
        _ = try await nodes.poll("the claim in Lund's replica", nodes.db("lund")) { store in
            try await store.currentState().claims.contains { $0.party == "lund" && $0.topic == "heat-planning" } ? true : nil
        }
        await nodes.stop()
    }

    /// Issue 15 item 3: the node turns each change of the party's own file into messages;
    /// nothing is sent from an invalid file.
    @Test func theNodeSendsWhatChangedInThePartysOwnFile() async throws {
        var nodes = try PartyNodes()
        defer { nodes.abandon() }
        let file = nodes.scratch.path("lund.yaml")
        let goal = { (year: Int) in
            "goals:\n  - { id: lund.test-goal, party: lund, reductionPercent: 50, baseYear: 1990, targetYear: \(year) }\n"
        }
        try (goal(2030) + "claims:\n  - { party: lund, topic: heat-planning }\n").write(toFile: file, atomically: true, encoding: .utf8)
        nodes.nodeArguments["lund"] = ["--party-file", file]
        try await nodes.startHub()
        try await nodes.startNode("lund")
        let first = try await nodes.line(from: "lund", containing: "party file")
        #expect(first.hasSuffix("2 new, 0 changed, 0 withdrawn: queued for the hub"), "\(first)")
        _ = try await nodes.poll("the claim in the hub", nodes.hubDB) { _ in
            try await nodes.hubRows("lund", "responsibility.claim", containing: "heat-planning") == 1 ? true : nil
        }
        try goal(2028).write(toFile: file, atomically: true, encoding: .utf8)
        let second = try await nodes.line(from: "lund", containing: "party file")
        #expect(second.hasSuffix("0 new, 1 changed, 1 withdrawn: queued for the hub"), "\(second)")
        _ = try await nodes.poll("the release in the hub", nodes.hubDB) { _ in
            try await nodes.hubRows("lund", "responsibility.release", containing: "heat-planning") == 1 ? true : nil
        }
        try (goal(2028) + "  - { id: lund.bad, party: lund, reductionPercent: 50, baseYear: 1990, targetYear: 1800 }\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let error = try await nodes.line(from: "lund", containing: "error:")
        #expect(error.contains("expected a year in 1900-2200 for 'targetYear', found 1800"), "\(error)")
        let refused = try await nodes.line(from: "lund", containing: "party file")
        #expect(refused.hasSuffix("1 error; nothing sent"), "\(refused)")
        #expect(try await nodes.hubRows("lund", "goal", containing: "lund.bad") == 0)
        #expect(try await nodes.hubRows("lund", "goal", containing: "lund.test-goal") == 2)
        await nodes.stop()
    }
}
