import KlimatnavCore

extension Playbook {
    /// The facts' `quote:`s keyed as gap evidence names the facts (`goal:<id>`,
    /// `commitment:<party>/<section>`, `investment-area:<id>`, `barrier:<id>`,
    /// `roadmap:<id>`), for ``ResponsePlaybook/quotes``: so a gap's evidence shows the source's
    /// own words.
    public func evidenceQuotes() -> [String: [String]] {
        var quotes: [String: [String]] = [:]
        for (fact, citation) in citations where !citation.quotes.isEmpty {
            let key: String? =
                switch fact.section {
                case .goals: goals.indices.contains(fact.index) ? "goal:\(goals[fact.index].id)" : nil
                case .commitments:
                    commitments.indices.contains(fact.index)
                        ? "commitment:\(commitments[fact.index].party)/\(commitments[fact.index].section.rawValue)" : nil
                case .investmentAreas:
                    investmentAreas.indices.contains(fact.index) ? "investment-area:\(investmentAreas[fact.index].id)" : nil
                case .barriers: barriers.indices.contains(fact.index) ? "barrier:\(barriers[fact.index].id)" : nil
                case .roadmaps: roadmaps.indices.contains(fact.index) ? "roadmap:\(roadmaps[fact.index].id)" : nil
                default: nil
                }
            if let key { quotes[key] = citation.quotes }
        }
        return quotes
    }

    /// `responses` with this playbook's quotes for gap evidence.
    public func quoting(_ responses: ResponsePlaybook) -> ResponsePlaybook {
        var responses = responses
        responses.quotes = evidenceQuotes()
        return responses
    }
}
