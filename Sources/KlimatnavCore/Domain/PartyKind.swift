/// What kind of party this is; decides which actor represents it and what it may say.
public enum PartyKind: String, Codable, Sendable, CaseIterable {
    case municipality
    case agency
    case regionalHub = "regional-hub"
    case roadmapOwner = "roadmap-owner"
    case coordinator
    /// A reference level such as Sweden or the EU: it has goals, but no node of its own.
    case reference
}
