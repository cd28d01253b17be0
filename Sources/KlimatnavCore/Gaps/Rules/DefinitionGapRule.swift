/// `definition-gap`: a goal that cannot be compared with others. Report section 4.1
/// ("gather around formulations and definitions"). One gap per goal and problem:
/// `definition-gap:<goal>:<problem>`, problems being
/// - `no-number`: a goal word with no number (climate-smart, the consumption phrases);
/// - `scope-unstated`: the scopes covered are not given;
/// - `basis-unstated`: a percent cut or annual rate that does not say absolute or per capita;
/// - `no-base-year`: a percent cut short of 100 % with no base year (a full cut needs none);
/// - `no-target-year`: no target year (annual-rate goals excepted);
/// - `no-storage-plan`: climate-neutral or climate-positive, and the party says it has no
///   carbon-storage plan (`carbonStoragePlan: false`);
/// - `storage-plan-unclear`: climate-neutral or climate-positive, and whether there is a
///   carbon-storage plan is not stated ("inte klarlagt", report 4.1): not the same as missing;
/// - `ambiguous-word`: a goal word the report calls hard to interpret (no negative impact).
///
/// A coordinator's goal is the contracts' shared goal: any of the problems above makes one
/// gap, `no-shared-definition` (report 4.1: Viable Cities has not defined "klimatneutral stad").
/// - `target-passed`: a target year before the current year of the configuration (2020 in the
///   report): the goal says nothing about the years ahead until it is renewed or followed up.
///
/// Subject: a goal. Goals of reference levels (Sweden, the EU) are not checked: they are the
/// yardsticks the contracts are compared with, not commitments under them.
public struct DefinitionGapRule: GapRule {
    /// What makes a goal incomparable.
    public enum Problem: String, CaseIterable, Sendable {
        case noNumber = "no-number"
        case scopeUnstated = "scope-unstated"
        case basisUnstated = "basis-unstated"
        case noBaseYear = "no-base-year"
        case noTargetYear = "no-target-year"
        case noStoragePlan = "no-storage-plan"
        case targetPassed = "target-passed"
        case storagePlanUnclear = "storage-plan-unclear"
        case ambiguousWord = "ambiguous-word"
        case noSharedDefinition = "no-shared-definition"

        var sentence: String {
            switch self {
            case .noNumber: "is a goal word with no number, so it cannot be compared"
            case .scopeUnstated: "does not say which emission scopes it covers"
            case .basisUnstated: "does not say whether it is absolute or per inhabitant"
            case .noBaseYear: "gives a percent cut with no base year"
            case .noTargetYear: "has no target year"
            case .noStoragePlan: "relies on negative emissions but has no carbon-storage plan"
            case .targetPassed: "has a target year that has already passed, so it says nothing about the years ahead"
            case .storagePlanUnclear:
                "relies on negative emissions but does not say how carbon storage will balance the remaining emissions"
            case .ambiguousWord: "uses a goal word that is hard to interpret, so it cannot be compared"
            case .noSharedDefinition: "is the contracts' shared goal, but its scopes and its use of negative emissions are not defined"
            }
        }
    }

    public var kind: GapKind { .definitionGap }

    /// The year "now" is taken to be: a target year before it has passed.
    public var currentYear: Int

    public init(currentYear: Int = GapConfiguration().currentYear) {
        self.currentYear = currentYear
    }

    /// The problems of one goal, in declaration order.
    public static func problems(of goal: Goal, currentYear: Int = GapConfiguration().currentYear) -> [Problem] {
        var problems: [Problem] = []
        let form = goal.form
        if form == .goalWord, goal.word?.impliedCutPercent == nil { problems.append(.noNumber) }
        if goal.scopes?.isEmpty ?? true { problems.append(.scopeUnstated) }
        if form == .percentCut || form == .annualRate, goal.basis == .unstated { problems.append(.basisUnstated) }
        if form == .percentCut, goal.baseYear == nil, (goal.reductionPercent ?? 0) < 100 { problems.append(.noBaseYear) }
        if form != .annualRate, goal.targetYear == nil { problems.append(.noTargetYear) }
        if goal.word?.reliesOnNegativeEmissions == true {
            switch goal.carbonStoragePlan {
            case false?: problems.append(.noStoragePlan)
            case nil: problems.append(.storagePlanUnclear)
            case true?: break
            }
        }
        if goal.word?.isAmbiguous == true { problems.append(.ambiguousWord) }
        if let target = goal.targetYear, target < currentYear { problems.append(.targetPassed) }
        return problems
    }

    public func subjects(in index: GapIndex) -> Set<GapSubject> {
        Set(index.state.goals.keys.map(GapSubject.goal))
    }

    public func subjects(affectedBy event: DomainEvent, before: GapIndex) -> Set<GapSubject>? {
        if event.changesKnownParty(before: before.state) { return nil }
        return event.goalID.map { [.goal($0)] } ?? []
    }

    public func gaps(for subject: GapSubject, in index: GapIndex) -> [Gap] {
        guard case .goal(let id) = subject, let goal = index.state.goals[id] else { return [] }
        let party = index.state.parties[goal.party]
        // Reference levels (Sweden, the EU) are yardsticks, not parties to the contracts.
        if party?.kind == .reference { return [] }
        let name = GapText.possessive(party?.englishName ?? goal.party.rawValue)
        var problems = Self.problems(of: goal, currentYear: currentYear)
        if party?.kind == .coordinator, !problems.isEmpty { problems = [.noSharedDefinition] }
        return problems.map { problem in
            Gap(
                id: "definition-gap:\(id):\(problem.rawValue)", kind: kind, parties: [goal.party],
                levels: party.map { [$0.level] } ?? [], topic: id,
                summary: "\(name) goal '\(GapText.goal(goal))' \(problem.sentence).",
                evidence: ["goal:\(id)", "form: \(goal.form.rawValue)"] + (goal.word.map { ["word: \($0.rawValue)"] } ?? []))
        }
    }
}
