import KlimatnavCore

/// Gap descriptions in the report's language. The engine writes its summaries in English; for
/// English reports that summary is used as it is, for Swedish ones a sentence is built per
/// gap kind from the gap's structured fields (parties, topic, levels), with the engine's
/// English text kept beside it.
public enum GapSentence {
    /// One sentence about `gap` in the catalogue's language.
    public static func text(_ gap: Gap, in state: WorldState, _ c: Catalogue) -> String {
        if c.language == .en { return gap.summary }
        let names = c.list(gap.parties.map { state.parties[$0]?.name ?? $0.rawValue })
        let first = gap.parties.first.map { state.parties[$0]?.name ?? $0.rawValue } ?? ""
        switch gap.kind {
        case .governanceGap:
            let levels = gap.levels.filter { $0 != .local }.map { c.level($0) }
            let areaTitle = state.investmentAreas.values.first { $0.topic == gap.topic }?.title ?? gap.topic
            return c.format(.gapSentenceGovernance, names, c.list(levels), areaTitle)
        case .policyLabCandidate:
            let barrier = state.barriers[gap.topic]?.title ?? gap.topic
            return c.format(.gapSentencePolicyLab, barrier, names)
        case .roadmapMisalignment:
            let roadmapID = gap.id.split(separator: ":").dropFirst().first.map(String.init) ?? gap.topic
            return c.format(.gapSentenceRoadmap, state.roadmaps[roadmapID]?.name ?? roadmapID)
        case .ambitionGap:
            let goal = state.goals[gap.topic].map { GoalTable.label($0, c) + ($0.targetYear.map { " \($0)" } ?? "") } ?? gap.topic
            return c.format(.gapSentenceAmbition, first, goal)
        case .definitionGap:
            let goal = state.goals[gap.topic].map { GoalTable.label($0, c) + ($0.targetYear.map { " \($0)" } ?? "") } ?? gap.topic
            return c.format(.gapSentenceDefinition, first, goal)
        case .reportingGap:
            let section = ContractSection(rawValue: gap.topic).map { c.section($0) } ?? gap.topic
            return c.format(.gapSentenceReporting, first, section, gap.topic)
        case .regionalHubGap:
            return c.format(.gapSentenceRegionalHub, names)
        case .deliveryGap:
            return c.format(.gapSentenceDelivery, first, gap.topic)
        }
    }
}
