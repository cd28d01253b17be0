import KlimatnavCore
import Testing

@testable import KlimatnavPlaybook
@testable import KlimatnavWire

/// The wire codec's fast goal body paths (``GoalBodyWriter``, ``GoalBodyReader``) on real
/// and national-scale data: for every goal of the seed playbook and of a synthetic playbook
/// (its facts and its timeline), the same bytes as the generic ``BodyCoder`` and the same
/// goal back, also from the DELTA that forwards it (``DeltaBodyReader``). (KlimatnavWireTests cannot load playbooks; it tests random goals instead.)
@Suite struct GoalWireBodyTests {
    static func goals() throws -> [Goal] {
        let seed = try EmbeddedPlaybooks.loadKlimatkontrakt2030()
        let synthetic = SyntheticPlaybook.generate(seed: 2021, scale: 1, timelineCount: 2000)
        let timeline = (seed.timeline + synthetic.timeline).compactMap { entry -> Goal? in
            if case .goalAsserted(let goal) = entry.event { return goal }
            return nil
        }
        return seed.goals + synthetic.goals + timeline
    }

    @Test func fastGoalBodiesAreTheGenericOnes() throws {
        let goals = try Self.goals()
        #expect(goals.count > 500)
        let limits = BodyLimits.of(type: "goal")
        for goal in goals {
            let generic = try BodyCoder.encode(DomainBody(.goalAsserted(goal)), limits: limits)
            let fast = try #require(GoalBodyWriter.write(goal, limits: limits))
            #expect(fast == generic, "\(goal.id)")
            let decoded = try BodyCoder.decode(DomainBody.self, from: generic, eventName: "goal").event
            #expect(decoded == .goalAsserted(goal))
            #expect(GoalBodyReader.read(generic).map(DomainEvent.goalAsserted) == decoded, "\(goal.id)")
            // The DELTA the hub forwards it in.
            let delta = try WireCodec.encodeDelta(stateSequence: 1, by: goal.party, event: "goal", body: generic)[3]
            let genericDelta = try BodyCoder.decode(Delta.self, from: delta)
            #expect(DeltaBodyReader.read(delta) == genericDelta, "\(goal.id)")
        }
    }
}
