import KlimatnavCore

/// A value ``IndexDecoder`` reads from one token by a direct call: one conformance check
/// instead of the casts and `Optional` metadata of the generic path, which cost ~1,800
/// instructions a value in the profile.
protocol IndexLeaf {
    static func read(_ decoder: IndexDecoder, at token: Int, path: () -> [any CodingKey]) throws(WireError) -> Self
}

extension IndexLeaf where Self: CaseIterable & RawRepresentable, RawValue == String {
    /// The case named by a string, or `unknown-value` naming the allowed values.
    static func read(_ decoder: IndexDecoder, at token: Int, path: () -> [any CodingKey]) throws(WireError) -> Self {
        let text = try decoder.string(at: token, path: path)
        if let value = Self(rawValue: text) { return value }
        let allowed = allCases.map(\.rawValue).joined(separator: ", ")
        throw WireError(.unknownValue, "unknown value '\(text)'; expected one of \(allowed)", frame: 3, path: path().wirePath())
    }
}

extension PartyID: IndexLeaf {
    static func read(_ decoder: IndexDecoder, at token: Int, path: () -> [any CodingKey]) throws(WireError) -> PartyID {
        let text = try decoder.string(at: token, path: path)
        guard let id = PartyID(text) else {
            throw WireError(
                .invalidPartyID, "'\(text)' is not a party id (lowercase ASCII letters, digits, '-'; starts with a letter)",
                frame: 3, path: path().wirePath())
        }
        return id
    }
}

// The string enums of the wire bodies (others still decode, by the slower cast in `leaf`).
extension GoalOrientation: IndexLeaf {}
extension GoalArea: IndexLeaf {}
extension GoalBasis: IndexLeaf {}
extension GoalStatus: IndexLeaf {}
extension GoalWord: IndexLeaf {}
extension GoalForm: IndexLeaf {}
extension GapChange: IndexLeaf {}
extension GapKind: IndexLeaf {}
extension GapFollowUpAction: IndexLeaf {}
extension FollowUpStatus: IndexLeaf {}
extension EmissionSector: IndexLeaf {}
extension Level: IndexLeaf {}
extension ContractSection: IndexLeaf {}
extension CommitmentStatus: IndexLeaf {}
extension PolicyLabStatus: IndexLeaf {}
extension PartyKind: IndexLeaf {}
extension BarrierStatus: IndexLeaf {}
