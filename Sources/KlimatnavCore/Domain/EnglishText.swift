/// The English side of the texts parties assert. Every text is stored in Swedish (the
/// source's language) with an optional English translation beside it; where there is none,
/// the English side falls back to the Swedish text, so nothing a party said is lost.
extension Party {
    /// The name in English (``nameEn``), else the name.
    public var englishName: String { nameEn ?? name }
}

extension Goal {
    /// The goal's text in English (``textEn``), else the Swedish text.
    public var englishText: String { textEn ?? text }
}

extension Commitment {
    /// The summary in English (``summaryEn``), else the Swedish summary.
    public var englishSummary: String { summaryEn ?? summary }
}

extension Roadmap {
    /// The name in English (``nameEn``), else the Swedish name.
    public var englishName: String { nameEn ?? name }
}

extension InvestmentArea {
    /// The title in English (``titleEn``), else the Swedish title.
    public var englishTitle: String { titleEn ?? title }
}

extension RegulatoryBarrier {
    /// The title in English (``titleEn``), else the Swedish title.
    public var englishTitle: String { titleEn ?? title }
    /// The instrument in English (``instrumentEn``), else the Swedish text.
    public var englishInstrument: String? { instrumentEn ?? instrument }
}
