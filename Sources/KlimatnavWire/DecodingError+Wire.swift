import KlimatnavCore

extension WireError {
    /// Translates a `DecodingError` from reading frame 3 into the protocol's codes, naming the
    /// field path and what was found there (looked up in the parsed `body`).
    init(decoding error: DecodingError, body: JSONValue) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(.missingField, "required field missing", frame: 3, path: (context.codingPath + [key]).wirePath())
        case .valueNotFound(let type, let context):
            self.init(
                .wrongType, "expected \(Self.jsonName(of: type)), found null", frame: 3,
                path: context.codingPath.wirePath())
        case .typeMismatch(let type, let context):
            let found = body.value(at: context.codingPath)?.kindName ?? "something else"
            self.init(
                .wrongType, "expected \(Self.jsonName(of: type)), found \(found)", frame: 3,
                path: context.codingPath.wirePath())
        case .dataCorrupted(let context):
            let path = context.codingPath.wirePath()
            let found = body.value(at: context.codingPath)
            let detail = context.debugDescription
            if detail.contains("not a party id") {
                self.init(.invalidPartyID, detail, frame: 3, path: path)
            } else if case .number(let text) = found {
                // The right type, out of range (beyond 64 bits): a value, not a type, error.
                self.init(
                    .invalidValue, "\(text) is out of range for this integer field (at most 64 bits; sequences are unsigned)", frame: 3,
                    path: path)
            } else if case .string(let text) = found, detail.contains("Cannot initialize") || detail.contains("unknown event") {
                self.init(.unknownValue, "unknown value '\(text)'\(Self.allowedValues(in: detail))", frame: 3, path: path)
            } else {
                self.init(.invalidValue, detail, frame: 3, path: path)
            }
        @unknown default:
            self.init(.invalidValue, "\(error)", frame: 3)
        }
    }

    private static func jsonName(of type: Any.Type) -> String {
        let name = String(describing: type)
        if name.contains("Dictionary") || name.hasPrefix("[") && name.contains(":") { return "object" }
        if name.hasPrefix("Array") || name.hasPrefix("[") { return "array" }
        switch name {
        case "Int", "Int64", "Int32", "UInt64", "UInt", "UInt32": return "integer"
        case "Double", "Float", "Decimal": return "number"
        case "Bool": return "boolean"
        case "String": return "string"
        default: return name
        }
    }

    /// `; expected one of ...` for the enum named in a `Cannot initialize T from ...` message.
    private static func allowedValues(in detail: String) -> String {
        for (name, values) in enumValues where detail.contains("initialize \(name) from") {
            return "; expected one of \(values.joined(separator: ", "))"
        }
        if detail.contains("unknown event") { return "; expected one of \(DomainEvent.names.joined(separator: ", "))" }
        return ""
    }

    private static let enumValues: [(String, [String])] = [
        ("ContractSection", ContractSection.allCases.map(\.rawValue)),
        ("CommitmentStatus", CommitmentStatus.allCases.map(\.rawValue)),
        ("GoalOrientation", GoalOrientation.allCases.map(\.rawValue)),
        ("GoalArea", GoalArea.allCases.map(\.rawValue)),
        ("GoalBasis", GoalBasis.allCases.map(\.rawValue)),
        ("GoalStatus", GoalStatus.allCases.map(\.rawValue)),
        ("GoalWord", GoalWord.allCases.map(\.rawValue)),
        ("Level", Level.allCases.map(\.rawValue)),
        ("PartyKind", PartyKind.allCases.map(\.rawValue)),
        ("PolicyLabStatus", PolicyLabStatus.allCases.map(\.rawValue)),
        ("BarrierStatus", BarrierStatus.allCases.map(\.rawValue)),
        ("GapKind", GapKind.allCases.map(\.rawValue)),
        ("GapChange", GapChange.allCases.map(\.rawValue)),
        ("GapFollowUpAction", GapFollowUpAction.allCases.map(\.rawValue)),
        ("Code", WireError.Code.allCases.map(\.rawValue)),
    ]
}
