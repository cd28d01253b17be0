import KlimatnavCore

/// Gap descriptions in the report's language. The engine writes its summaries in English; for
/// English reports that summary is used as it is. A Swedish sentence is built per gap kind from
/// the gap's structured fields (its id, parties, levels and the shared state), so that it says
/// the same finding as the English one, in plain Swedish, with no ids or keys in it.
public enum GapSentence {
    /// One sentence about `gap` in the catalogue's language.
    public static func text(_ gap: Gap, in state: WorldState, _ c: Catalogue) -> String {
        if c.language == .en { return gap.summary }
        let sv = SwedishSentences(gap: gap, state: state, c: c)
        return sv.sentence()
    }
}
