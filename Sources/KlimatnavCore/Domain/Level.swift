/// The level of government (or the industry track) a party acts at.
public enum Level: String, Codable, Sendable, CaseIterable, Comparable {
    case local
    case regional
    case national
    case eu
    case industry

    /// Position on the government ladder; `industry` stands beside it, at the national step,
    /// because the sector roadmaps are national.
    public var rank: Int {
        switch self {
        case .local: 0
        case .regional: 1
        case .national, .industry: 2
        case .eu: 3
        }
    }

    public static func < (lhs: Level, rhs: Level) -> Bool {
        lhs.rank == rhs.rank ? lhs.rawValue < rhs.rawValue : lhs.rank < rhs.rank
    }
}
