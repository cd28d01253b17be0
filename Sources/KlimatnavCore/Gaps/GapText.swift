/// Small text helpers shared by the gap rules: names, lists, numbers.
enum GapText {
    /// A party's display name, or its id when it is not registered.
    static func name(_ id: PartyID, in state: WorldState) -> String {
        state.parties[id]?.englishName ?? id.rawValue
    }

    /// "A", "A and B", "A, B and C".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// Display names of parties, in id order, joined as a list.
    static func names(_ ids: [PartyID], in state: WorldState) -> String {
        names(sorted: ids.sorted(), in: state)
    }

    /// ``names(_:in:)`` for ids already in order: one pass into one string.
    static func names(sorted ids: [PartyID], in state: WorldState) -> String {
        var text = ""
        for (n, id) in ids.enumerated() {
            if n > 0 { text += n == ids.count - 1 ? " and " : ", " }
            text += name(id, in: state)
        }
        return text
    }

    /// A level as a coordinator says it ("national", "EU").
    static func level(_ level: Level) -> String {
        level == .eu ? "EU" : level.rawValue
    }

    /// A number with at most `decimals` decimals and no trailing zeros ("7", "11.3", "11.72").
    static func percent(_ value: Double, decimals: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// How a goal is named in a sentence: its text, or its id when it has none.
    static func goal(_ goal: Goal) -> String {
        goal.englishText.isEmpty ? goal.id : goal.englishText
    }

    /// "Göteborg's".
    static func possessive(_ name: String) -> String {
        name.hasSuffix("s") ? name + "'" : name + "'s"
    }

    /// A title as it reads inside a sentence: first letter lowercased unless the first word
    /// is an acronym.
    static func inSentence(_ title: String) -> String {
        guard let first = title.first, first.isUppercase else { return title }
        let firstWord = title.prefix { $0 != " " }
        if firstWord.count > 1, firstWord.allSatisfy({ $0.isUppercase || !$0.isLetter }) { return title }
        return first.lowercased() + title.dropFirst()
    }
}
