import KlimatnavCore

extension GapFilter {
    /// A filter value that matches nothing because it does not exist: the parameter, the value
    /// given, and the values that do exist.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var parameter: String
        public var value: String
        public var valid: [String]

        public var description: String {
            "unknown \(parameter) '\(value)'; valid values: \(valid.joined(separator: ", "))"
        }
    }

    /// Checks every set value against what exists: gap kinds, levels, and `parties` (the ids
    /// of the parties the database knows). Returns the first unknown value, or nil.
    public func problem(parties: [String]) -> Problem? {
        if let kind, GapKind(rawValue: kind) == nil {
            return Problem(parameter: "kind", value: kind, valid: GapKind.allCases.map(\.rawValue))
        }
        if let level, Level(rawValue: level) == nil {
            return Problem(parameter: "level", value: level, valid: Level.allCases.map(\.rawValue))
        }
        if let party, !parties.contains(party) {
            return Problem(parameter: "party", value: party, valid: parties.sorted())
        }
        if let assignedTo, !parties.contains(assignedTo) {
            return Problem(parameter: "assignedTo", value: assignedTo, valid: parties.sorted())
        }
        return nil
    }
}
