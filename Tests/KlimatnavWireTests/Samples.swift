import Foundation
import KlimatnavCore

@testable import KlimatnavWire

/// Example values for every event and message type.
enum Samples {
    static let goal = Goal(
        id: "goteborg.near-zero-2030", party: "goteborg", scopes: [1, 2, 3], word: .nearZero,
        targetYear: 2030, text: "Klimatpåverkan nära noll 2030", textEn: "Climate impact near zero by 2030")

    static let barrier = RegulatoryBarrier(
        id: "energy-system-boundary", title: "Energy system boundary at a single building",
        instrument: "ellagen", changeLevel: .national, reportedBy: ["stockholm"],
        affectedTopics: ["district-energy-sharing"])

    static let gap = Gap(
        id: "governance-gap:hydrogen-infrastructure", kind: .governanceGap, parties: ["goteborg"],
        levels: [.local, .national], topic: "hydrogen-infrastructure",
        summary: "No party claims hydrogen infrastructure at the national level.",
        evidence: ["goteborg.hydrogen"], recommendation: "Ask Energimyndigheten to take responsibility.")

    /// Göteborg's 2023 inventory as Nationella emissionsdatabasen has it (tonnes CO2e).
    static let inventory = EmissionInventory(
        party: "goteborg", year: 2023, reportedBy: "naturvardsverket",
        sectors: [
            SectorEmission(sector: .electricityAndHeating, tonnes: 392182.74),
            SectorEmission(sector: .industry, tonnes: 1023337.84),
            SectorEmission(sector: .transport, tonnes: 471095.77),
            SectorEmission(sector: .workMachinery, tonnes: 109154.26),
            SectorEmission(sector: .ownHeating, tonnes: 18821.67),
            SectorEmission(sector: .agriculture, tonnes: 7856.69),
            SectorEmission(sector: .waste, tonnes: 35843.84),
            SectorEmission(sector: .productUse, tonnes: 51486.48),
            SectorEmission(sector: .internationalTransport, tonnes: 0),
        ],
        source: "Nationella emissionsdatabasen")

    /// One event of every name in `DomainEvent.names`, in that order.
    static let events: [DomainEvent] = [
        .partyRegistered(
            Party(
                id: "umea", kind: .municipality, level: .local, name: "Umeå", region: "Västerbotten", population: 130_000,
                reportingPlatforms: ["cdp"])),
        .goalAsserted(goal),
        .goalWithdrawn(goalID: "lund.minus-80-2030", party: "lund"),
        .commitmentStated(Commitment(party: "enkoping", section: .reporting, status: .nothingDescribed, scope3Indicator: false)),
        .roadmapPublished(
            Roadmap(
                id: "lfm2030", owner: "lfm2030", name: "LFM2030", level: .local, sector: "construction", targetYear: 2030,
                word: .climateNeutral, milestones: [Milestone(year: 2025, text: "-50 %")], signatories: ["malmo"])),
        .milestoneAdded(roadmapID: "lfm2030", milestone: Milestone(year: 2027, text: "halfway")),
        .investmentAreaRaised(
            InvestmentArea(
                id: "goteborg.hydrogen", party: "goteborg", topic: "hydrogen-infrastructure", title: "Hydrogen infrastructure",
                needsLevels: [.regional, .national])),
        .responsibilityClaimed(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .national)),
        .responsibilityReleased(ResponsibilityClaim(party: "energimyndigheten", topic: "hydrogen-infrastructure", level: .national)),
        .barrierReported(barrier),
        .barrierAcknowledged(barrierID: "energy-system-boundary", by: "energimyndigheten"),
        .barrierAssigned(barrierID: "energy-system-boundary", agency: "energimyndigheten"),
        .barrierResolved(barrierID: "energy-system-boundary", by: "energimyndigheten"),
        .policyLabOpened(
            PolicyLab(id: "lab.energy-sharing", barrier: "energy-system-boundary", parties: ["stockholm", "energimyndigheten"])),
        .policyLabClosed(labID: "lab.energy-sharing"),
        .membershipJoined(Membership(hub: "stuns", member: "enkoping")),
        .membershipLeft(Membership(hub: "stuns", member: "enkoping")),
        .revisionClosed(Revision(id: "2021", date: "2021-10-01", title: "Revision 2021")),
        .inventoryReported(inventory),
        .gapFollowedUp(followUp),
    ]

    /// The follow-up of the spec's worked example (section 17.4).
    static let followUp = GapFollowUp(
        gap: "governance-gap:hydrogen-infrastructure:national", action: .assign, by: "viable-cities", assignee: "goteborg",
        role: "klimatstrateg", due: "2027-03-31")

    /// One message of every type (every domain event as a domain message).
    static let messages: [WireMessage] =
        [
            .hello(Hello(party: "goteborg", software: "klimatnav/0.1.0", lastSequence: 0)),
            .welcome(Welcome(nextSequence: 1, heartbeatIntervalMs: 1000, heartbeatLiveness: 3)),
            .ack(Ack(sequence: 1, stateSequence: 42)),
            .ack(Ack(sequence: 2)),
            .nack(Nack(sequence: 7, code: .sequenceGap, reason: "expected 5", expectedSequence: 5)),
            .nack(Nack(sequence: 3, error: WireError(.wrongType, "expected integer, found string", frame: 3, path: "body.targetYear"))),
            .heartbeat(Heartbeat(sequence: 12)),
            .snapshotRequest(SnapshotRequest(knownStateSequence: 0)),
            .snapshot(Snapshot(stateSequence: 99, events: events, gaps: [gap])),
            .delta(Delta(stateSequence: 100, by: "goteborg", event: .goalAsserted(goal))),
            .delta(Delta(stateSequence: 101, by: nil, event: .policyLabClosed(labID: "lab.energy-sharing"))),
            .gap(GapMessage(stateSequence: 102, change: .opened, at: Date(timeIntervalSince1970: 1_795_000_000), gap: gap)),
        ] + events.enumerated().map { .domain(DomainMessage(sequence: UInt64($0.offset + 1), event: $0.element)) }

    /// Frames with the standard frame 0, a type, a sequence and a body given as text.
    static func frames(_ type: String, _ body: String, sequence: UInt64 = 1) -> [[UInt8]] {
        [WireCodec.frame0, Array(type.utf8), WireCodec.header(sequence), Array(body.utf8)]
    }
}
