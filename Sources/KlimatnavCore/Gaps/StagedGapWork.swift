/// What ``GapTracker`` must re-evaluate for the events staged since its last settle: per
/// rule, the subjects touched (with the position of the last event that touched each), their
/// gaps as they were before the first of those events, and whether an event touched every
/// subject.
struct StagedGapWork: Sendable {
    /// Per rule, in ``GapEngine/rules`` order.
    struct RuleWork: Sendable {
        /// Subject → position of the last staged event that touched it.
        var touched: [GapSubject: Int] = [:]
        /// The gaps of each touched subject before the batch, by id, with their subject.
        var before: [String: (gap: Gap, subject: GapSubject)] = [:]
        /// Position of the last staged event that touched every subject of the rule.
        var everything: Int?
    }

    var rules: [RuleWork]
    /// Events staged so far.
    var count = 0

    init(ruleCount: Int) {
        rules = Array(repeating: RuleWork(), count: ruleCount)
    }

    var isEmpty: Bool { count == 0 }
}
