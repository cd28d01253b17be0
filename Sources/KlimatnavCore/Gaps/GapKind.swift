/// The kinds of cross-level gap Klimatnav finds.
public enum GapKind: String, Codable, Sendable, CaseIterable, Comparable {
    case governanceGap = "governance-gap"
    case policyLabCandidate = "policy-lab-candidate"
    case roadmapMisalignment = "roadmap-misalignment"
    case ambitionGap = "ambition-gap"
    case definitionGap = "definition-gap"
    case reportingGap = "reporting-gap"
    case regionalHubGap = "regional-hub-gap"
    case deliveryGap = "delivery-gap"

    private var order: Int { GapKind.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: GapKind, rhs: GapKind) -> Bool { lhs.order < rhs.order }
}
