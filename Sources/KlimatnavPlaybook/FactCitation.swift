/// Where a fact of a playbook comes from, beyond its `source:` text: short verbatim quotes of
/// the source (`quote:`), or the mark that the fact is not from the playbook's source at all
/// (`external: true`, with its own `source:`). Kept beside the facts, not in them, so the wire
/// messages the facts become are unchanged.
public struct FactCitation: Hashable, Sendable {
    /// Verbatim passages of the source, in the source's language; each findable in the source
    /// text after whitespace is normalised.
    public var quotes: [String]
    /// The fact comes from outside the playbook's source (its `source:` names where).
    public var external: Bool

    public init(quotes: [String] = [], external: Bool = false) {
        self.quotes = quotes
        self.external = external
    }

    /// Whether the citation says anything (an empty one is not stored).
    public var isEmpty: Bool { quotes.isEmpty && !external }
}

/// One fact of a playbook: its section and its position in that section (file order).
public struct FactRef: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The fact sections of a playbook, named by their YAML keys.
    public enum Section: String, Hashable, Sendable, CaseIterable {
        case parties, memberships, goals, commitments, roadmaps, investmentAreas, claims, barriers, policyLabs
    }

    public var section: Section
    public var index: Int

    public init(_ section: Section, _ index: Int) {
        self.section = section
        self.index = index
    }

    public static func < (lhs: FactRef, rhs: FactRef) -> Bool {
        let order = Section.allCases
        let (l, r) = (order.firstIndex(of: lhs.section)!, order.firstIndex(of: rhs.section)!)
        return l == r ? lhs.index < rhs.index : l < r
    }

    /// `goals[3]`.
    public var description: String { "\(section.rawValue)[\(index)]" }
}

extension ScheduleOrigin {
    /// The fact this origin names (`nil` for a timeline entry).
    var fact: FactRef? {
        switch self {
        case .party(let i): FactRef(.parties, i)
        case .membership(let i): FactRef(.memberships, i)
        case .goal(let i): FactRef(.goals, i)
        case .commitment(let i): FactRef(.commitments, i)
        case .roadmap(let i): FactRef(.roadmaps, i)
        case .investmentArea(let i): FactRef(.investmentAreas, i)
        case .claim(let i): FactRef(.claims, i)
        case .barrier(let i): FactRef(.barriers, i)
        case .policyLab(let i): FactRef(.policyLabs, i)
        case .timeline: nil
        }
    }
}
