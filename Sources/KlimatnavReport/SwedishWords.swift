import KlimatnavCore

/// Swedish word forms the sentences need.
public enum SwedishWords {
    /// Swedish genitive: "Lunds", "Växjös", but "Borås" as Språkrådet writes it: a name
    /// ending in s, x or z takes no extra s.
    public static func genitive(_ name: String) -> String {
        guard let last = name.last?.lowercased() else { return name }
        return ["s", "x", "z"].contains(last) ? name : name + "s"
    }

    /// "nationell nivå", "EU-nivå", "regional nivå", "lokal nivå", "branschnivå".
    public static func levelPhrase(_ level: Level) -> String {
        switch level {
        case .local: "lokal nivå"
        case .regional: "regional nivå"
        case .national: "nationell nivå"
        case .eu: "EU-nivå"
        case .industry: "branschnivå"
        }
    }
}
