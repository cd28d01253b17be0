/// What a rule looks at when it finds gaps: the unit of incremental recomputation. Every gap
/// belongs to exactly one subject of one rule, and its id names that subject.
public enum GapSubject: Hashable, Sendable, CustomStringConvertible {
    /// A party (reporting gaps of a municipality, regional-hub gaps of a municipality or hub).
    case party(PartyID)
    /// An investment topic (governance gaps).
    case topic(String)
    /// A regulatory barrier (policy-lab candidates).
    case barrier(String)
    /// A roadmap (roadmap misalignments).
    case roadmap(String)
    /// A goal (ambition and definition gaps).
    case goal(String)

    public var description: String {
        switch self {
        case .party(let id): "party:\(id)"
        case .topic(let topic): "topic:\(topic)"
        case .barrier(let id): "barrier:\(id)"
        case .roadmap(let id): "roadmap:\(id)"
        case .goal(let id): "goal:\(id)"
        }
    }
}
