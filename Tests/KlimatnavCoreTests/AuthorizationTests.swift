import KlimatnavCore
import Testing

@Suite struct AuthorizationTests {
    let state: WorldState = {
        var state = WorldState()
        let parties = [
            Party(id: "lund", kind: .municipality, level: .local, name: "Lund"),
            Party(id: "malmo", kind: .municipality, level: .local, name: "Malmö"),
            Party(id: "formas", kind: .agency, level: .national, name: "Formas"),
            Party(id: "vinnova", kind: .agency, level: .national, name: "Vinnova"),
            Party(id: "hub", kind: .regionalHub, level: .regional, name: "Hub"),
            Party(id: "owner", kind: .roadmapOwner, level: .industry, name: "Owner"),
            Party(id: "coord", kind: .coordinator, level: .national, name: "Coordinator"),
            Party(id: "se", kind: .reference, level: .national, name: "Sweden"),
        ]
        for party in parties { try! state.apply(.partyRegistered(party)) }
        try! state.apply(.roadmapPublished(Roadmap(id: "r", owner: "owner", name: "R", level: .industry)))
        try! state.apply(.barrierReported(RegulatoryBarrier(id: "b", title: "B", changeLevel: .national, reportedBy: ["lund"])))
        try! state.apply(.barrierAssigned(barrierID: "b", agency: "formas"))
        return state
    }()

    func allowed(_ event: DomainEvent, from sender: PartyID) -> Bool {
        Authorization.check(event, from: state.parties[sender]!, in: state) == nil
    }

    @Test func aMunicipalitySpeaksOnlyForItself() {
        #expect(allowed(.goalAsserted(Goal(id: "lund.g", party: "lund")), from: "lund"))
        #expect(!allowed(.goalAsserted(Goal(id: "malmo.g", party: "malmo")), from: "lund"))
        #expect(allowed(.commitmentStated(Commitment(party: "lund", section: .goals, status: .described)), from: "lund"))
        #expect(!allowed(.commitmentStated(Commitment(party: "malmo", section: .goals, status: .described)), from: "lund"))
        // The coordinator states the contracts' common text as its own commitments, no one else's.
        #expect(allowed(.commitmentStated(Commitment(party: "coord", section: .adaptation, status: .absent)), from: "coord"))
        #expect(!allowed(.commitmentStated(Commitment(party: "lund", section: .adaptation, status: .absent)), from: "coord"))
        #expect(
            !allowed(
                .investmentAreaRaised(InvestmentArea(id: "i", party: "malmo", topic: "t", title: "T", needsLevels: [.national])),
                from: "lund"))
    }

    /// KNAV/1 section 11.2: a party registers itself, the coordinator any party; kind and
    /// level are the state's business (wrong-party-kind), not authorization's.
    @Test func aPartyRegistersItselfAndTheCoordinatorAnyParty() {
        let renamed = Party(id: "lund", kind: .municipality, level: .local, name: "Lunds kommun")
        #expect(allowed(.partyRegistered(renamed), from: "lund"))
        #expect(!allowed(.partyRegistered(renamed), from: "malmo"))
        #expect(!allowed(.partyRegistered(renamed), from: "hub"))
        #expect(allowed(.partyRegistered(renamed), from: "coord"))
        #expect(allowed(.partyRegistered(Party(id: "new-town", kind: .municipality, level: .local, name: "Ny")), from: "coord"))
    }

    @Test func aRegistrationKeepsKindAndLevelAndGoalIdsBelongToOneParty() throws {
        var state = self.state
        #expect(throws: StateError.self) {
            try state.apply(.partyRegistered(Party(id: "lund", kind: .agency, level: .local, name: "Lund")))
        }
        #expect(throws: StateError.self) {
            try state.apply(.partyRegistered(Party(id: "lund", kind: .municipality, level: .national, name: "Lund")))
        }
        try state.apply(.partyRegistered(Party(id: "lund", kind: .municipality, level: .local, name: "Lunds kommun", population: 125_000)))
        #expect(state.parties["lund"]?.name == "Lunds kommun")
        do {
            try state.apply(.partyRegistered(Party(id: "lund", kind: .agency, level: .local, name: "Lund")))
        } catch {
            #expect(error.code == .wrongPartyKind)
        }
        try state.apply(.goalAsserted(Goal(id: "lund.g", party: "lund", targetYear: 2030)))
        do {
            try state.apply(.goalAsserted(Goal(id: "lund.g", party: "malmo", targetYear: 2030)))
            Issue.record("malmo took over lund's goal id")
        } catch {
            #expect(error.code == .duplicateID)
        }
        #expect(state.goals["lund.g"]?.party == "lund")
        let area = InvestmentArea(id: "i", party: "lund", topic: "t", title: "T", needsLevels: [.national])
        try state.apply(.investmentAreaRaised(area))
        var other = area
        other.party = "malmo"
        #expect(throws: StateError.self) { try state.apply(.investmentAreaRaised(other)) }
    }

    @Test func barrierReportsNameOnlyTheSender() {
        let own = RegulatoryBarrier(id: "x", title: "X", changeLevel: .national, reportedBy: ["malmo"])
        #expect(allowed(.barrierReported(own), from: "malmo"))
        #expect(!allowed(.barrierReported(own), from: "lund"))
        let shared = RegulatoryBarrier(id: "x", title: "X", changeLevel: .national, reportedBy: ["malmo", "lund"])
        #expect(!allowed(.barrierReported(shared), from: "malmo"))
    }

    @Test func onlyAgenciesTakeResponsibilityForBarriers() {
        #expect(!allowed(.barrierAssigned(barrierID: "b", agency: "lund"), from: "lund"))
        #expect(allowed(.barrierAcknowledged(barrierID: "b", by: "vinnova"), from: "vinnova"))
        #expect(!allowed(.barrierAcknowledged(barrierID: "b", by: "lund"), from: "lund"))
        // b is already Formas's: Vinnova may neither take it over nor resolve it.
        #expect(!allowed(.barrierAssigned(barrierID: "b", agency: "vinnova"), from: "vinnova"))
        #expect(!allowed(.barrierResolved(barrierID: "b", by: "vinnova"), from: "vinnova"))
        #expect(allowed(.barrierResolved(barrierID: "b", by: "formas"), from: "formas"))
        #expect(allowed(.barrierResolved(barrierID: "b", by: "coord"), from: "coord"))
    }

    @Test func claimsAreMadeAtTheClaimantsOwnLevel() {
        #expect(allowed(.responsibilityClaimed(ResponsibilityClaim(party: "formas", topic: "t", level: .national)), from: "formas"))
        #expect(!allowed(.responsibilityClaimed(ResponsibilityClaim(party: "formas", topic: "t", level: .eu)), from: "formas"))
        #expect(!allowed(.responsibilityClaimed(ResponsibilityClaim(party: "formas", topic: "t", level: .national)), from: "vinnova"))
    }

    @Test func roadmapsBelongToTheirOwners() {
        #expect(allowed(.milestoneAdded(roadmapID: "r", milestone: Milestone(year: 2030, text: "m")), from: "owner"))
        #expect(!allowed(.milestoneAdded(roadmapID: "r", milestone: Milestone(year: 2030, text: "m")), from: "lund"))
        #expect(!allowed(.roadmapPublished(Roadmap(id: "r", owner: "lund", name: "R", level: .local)), from: "lund"))
        #expect(allowed(.roadmapPublished(Roadmap(id: "lund.r", owner: "lund", name: "R", level: .local)), from: "lund"))
    }

    @Test func hubsManageOnlyTheirOwnMembership() {
        #expect(allowed(.membershipJoined(Membership(hub: "hub", member: "lund")), from: "hub"))
        #expect(!allowed(.membershipJoined(Membership(hub: "hub", member: "lund")), from: "lund"))
    }

    @Test func theCoordinatorRunsPolicyLabsAndSpeaksForReferenceLevels() {
        let lab = PolicyLab(id: "l", barrier: "b", parties: ["lund"])
        #expect(allowed(.policyLabOpened(lab), from: "coord"))
        #expect(!allowed(.policyLabOpened(lab), from: "formas"))
        #expect(!allowed(.policyLabClosed(labID: "l"), from: "lund"))
        #expect(allowed(.goalAsserted(Goal(id: "se.g", party: "se", targetYear: 2045)), from: "coord"))
        #expect(!allowed(.goalAsserted(Goal(id: "lund.x", party: "lund")), from: "coord"))
        #expect(!allowed(.goalAsserted(Goal(id: "se.g", party: "se")), from: "se"))
    }
}

@Suite struct WorldStateEventsTests {
    @Test func eventsRebuildTheSameState() throws {
        var state = WorldState()
        try state.apply(.partyRegistered(Party(id: "lund", kind: .municipality, level: .local, name: "Lund")))
        try state.apply(.partyRegistered(Party(id: "hub", kind: .regionalHub, level: .regional, name: "Hub")))
        try state.apply(.partyRegistered(Party(id: "formas", kind: .agency, level: .national, name: "Formas")))
        try state.apply(.membershipJoined(Membership(hub: "hub", member: "lund")))
        // Names chosen so that children sort before their parents.
        try state.apply(.goalAsserted(Goal(id: "lund.z", party: "lund", targetYear: 2050)))
        try state.apply(.goalAsserted(Goal(id: "lund.a", party: "lund", targetYear: 2030, interimOf: "lund.z")))
        try state.apply(.roadmapPublished(Roadmap(id: "z", owner: "formas", name: "Z", level: .national)))
        try state.apply(.roadmapPublished(Roadmap(id: "a", owner: "lund", name: "A", level: .local, parent: "z")))
        try state.apply(.barrierReported(RegulatoryBarrier(id: "b", title: "B", changeLevel: .national, reportedBy: ["lund"])))
        try state.apply(.barrierAssigned(barrierID: "b", agency: "formas"))
        try state.apply(.policyLabOpened(PolicyLab(id: "l", barrier: "b", parties: ["lund"])))
        try state.apply(.policyLabClosed(labID: "l"))
        try state.apply(.commitmentStated(Commitment(party: "lund", section: .reporting, status: .nothingDescribed)))
        try state.apply(.responsibilityClaimed(ResponsibilityClaim(party: "formas", topic: "t", level: .national)))
        let rebuilt = try WorldState(applying: state.events())
        #expect(rebuilt == state)
    }
}
