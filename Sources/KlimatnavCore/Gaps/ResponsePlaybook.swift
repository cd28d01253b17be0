/// What to do about each kind of gap: who should act, at which level, the next step, and the
/// report section it comes from. Loaded from `Playbooks/responses.yaml` by KlimatnavPlaybook;
/// ``standard`` is a small default.
///
/// Codable as `{ responses: [...] }`; a bare list of responses also decodes.
public struct ResponsePlaybook: Codable, Hashable, Sendable {
    /// One response: for a gap kind, optionally only for gaps touching `level`.
    public struct Response: Codable, Hashable, Sendable {
        public var kind: GapKind
        public var level: Level?
        /// Who should act, in Swedish ("Viable Cities tillsammans med de fyra myndigheterna")
        /// and English.
        public var who: BilingualText
        /// The next step, as a verb phrase: Swedish in the infinitive without "att" ("öppna ett
        /// policylabb"), English lowercase ("open a policy lab for the barrier").
        public var nextStep: BilingualText
        /// The report section it comes from ("4.5").
        public var source: String?

        public init(kind: GapKind, level: Level? = nil, who: BilingualText, nextStep: BilingualText, source: String? = nil) {
            self.kind = kind
            self.level = level
            self.who = who
            self.nextStep = nextStep
            self.source = source
        }
    }

    public var responses: [Response]
    /// The report's own recommendations; those that apply to a gap are attached before the
    /// per-kind responses, which remain the fallback.
    public var recommendations: [ReportRecommendation]
    /// The source's own words for the facts a gap's evidence names, keyed as the evidence
    /// names them (`goal:<id>`, `commitment:<party>/<section>`, `investment-area:<id>`,
    /// `barrier:<id>`, `roadmap:<id>`): the playbook's `quote:`s. Not part of the YAML or
    /// JSON form; set from the playbook that is run (`Playbook.evidenceQuotes()`).
    public var quotes: [String: [String]] = [:]

    public init(responses: [Response], recommendations: [ReportRecommendation] = [], quotes: [String: [String]] = [:]) {
        self.responses = responses
        self.recommendations = recommendations
        self.quotes = quotes
    }

    /// `evidence` with the source's words after each line that names a quoted fact (once per
    /// fact): `report: "<quote>"`.
    public func quoting(_ evidence: [String]) -> [String] {
        guard !quotes.isEmpty else { return evidence }
        var out: [String] = []
        var quoted: Set<String> = []
        for line in evidence {
            out.append(line)
            let key = String(line.prefix { $0 != " " })
            guard let words = quotes[key], !words.isEmpty, quoted.insert(key).inserted else { continue }
            out.append("\(key) in the report: " + words.map { "\"\($0)\"" }.joined(separator: " … "))
        }
        return out
    }

    private enum CodingKeys: String, CodingKey { case responses, recommendations }

    public init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: CodingKeys.self), keyed.contains(.responses) {
            responses = try keyed.decode([Response].self, forKey: .responses)
            recommendations = try keyed.decodeIfPresent([ReportRecommendation].self, forKey: .recommendations) ?? []
        } else {
            responses = try decoder.singleValueContainer().decode([Response].self)
            recommendations = []
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(responses, forKey: .responses)
        if !recommendations.isEmpty { try container.encode(recommendations, forKey: .recommendations) }
    }

    /// The report's recommendations that answer `gap`, in file order.
    public func reportRecommendations(for gap: Gap) -> [ReportRecommendation] {
        recommendations.filter { $0.applies(to: gap) }
    }

    /// The response for a gap: the first for its kind whose level is among the gap's levels
    /// (highest level first), else the first for its kind with no level.
    public func response(for gap: Gap) -> Response? {
        let ofKind = responses.filter { $0.kind == gap.kind }
        for level in gap.levels.sorted(by: >) {
            if let match = ofKind.first(where: { $0.level == level }) { return match }
        }
        return ofKind.first { $0.level == nil }
    }

    /// The report's recommendations that answer the gap, one sentence each ("<who> should
    /// <action> (report <section>: "<title>")."); where none does, the kind's response: "<who>
    /// should <next step> (report section <source>)."
    public func recommendation(for gap: Gap) -> String? {
        let fromReport = reportRecommendations(for: gap).compactMap(\.sentence)
        if !fromReport.isEmpty { return fromReport.joined(separator: " ") }
        guard let response = response(for: gap) else { return nil }
        var step = response.nextStep.english
        while step.hasSuffix(".") { step.removeLast() }
        let source = response.source.map { " (report section \($0))" } ?? ""
        return "\(response.who.english) should \(step)\(source)."
    }

    /// ``recommendation(for:)`` in Swedish: "<vem> bör <nästa steg> (rapporten <avsnitt>:
    /// ”<rubrik>”)." for the report's recommendations, else "<vem> bör <nästa steg> (rapportens
    /// avsnitt <avsnitt>)."
    public func swedishRecommendation(for gap: Gap) -> String? {
        let fromReport = reportRecommendations(for: gap).compactMap(\.swedishSentence)
        if !fromReport.isEmpty { return fromReport.joined(separator: " ") }
        guard let response = response(for: gap) else { return nil }
        var step = response.nextStep.sv
        while step.hasSuffix(".") { step.removeLast() }
        let source = response.source.map { " (rapportens avsnitt \($0))" } ?? ""
        return "\(response.who.sv) bör \(step)\(source)."
    }

    /// A small default, one response per kind.
    public static let standard = ResponsePlaybook(responses: [
        Response(
            kind: .governanceGap, level: .national,
            who: BilingualText(
                sv: "Viable Cities tillsammans med de undertecknande myndigheterna", en: "Viable Cities with the signing agencies"),
            nextStep: BilingualText(
                sv: "utse den nationella part som ansvarar för frågan, i en dialog mellan nivåerna",
                en: "name the national party responsible for the topic in a multi-level dialogue"), source: "4.5"),
        Response(
            kind: .governanceGap, who: BilingualText(sv: "Viable Cities", en: "Viable Cities"),
            nextStep: BilingualText(
                sv: "samla parterna på den nivå som behövs och komma överens om vem som ansvarar",
                en: "convene the parties at the needed level to agree who is responsible"), source: "4.5"),
        Response(
            kind: .policyLabCandidate,
            who: BilingualText(
                sv: "Den ansvariga myndigheten tillsammans med Viable Cities", en: "The responsible agency with Viable Cities"),
            nextStep: BilingualText(
                sv: "öppna ett policylabb (frizon) som prövar den ändrade regeln tillsammans med de parter som hindras",
                en: "open a policy lab (free zone) that tests the changed rule with the blocked parties"), source: "4.5"),
        Response(
            kind: .roadmapMisalignment,
            who: BilingualText(sv: "Kommunen tillsammans med färdplanens ägare", en: "The municipality with the roadmap owner"),
            nextStep: BilingualText(
                sv: "synkronisera det lokala målet med branschfärdplanens målår",
                en: "synchronise the local goal with the sector roadmap's target year"), source: "4.5"),
        Response(
            kind: .ambitionGap, who: BilingualText(sv: "Kommunen", en: "The municipality"),
            nextStep: BilingualText(
                sv: "anpassa målet till koldioxidbudgeten och till de nationella målen och EU:s mål",
                en: "bring the goal in line with the carbon budget and the national and EU targets"), source: "4.1"),
        Response(
            kind: .definitionGap,
            who: BilingualText(sv: "Kommunen tillsammans med Viable Cities", en: "The municipality with Viable Cities"),
            nextStep: BilingualText(
                sv: "ange målet som ett tal med scope, grund (absolut eller per invånare) och basår",
                en: "state the goal as a number with scope, basis and base year"), source: "4.1"),
        Response(
            kind: .reportingGap, who: BilingualText(sv: "Kommunen", en: "The municipality"),
            nextStep: BilingualText(
                sv: "beskriva sin uppföljning, sina indikatorer för scope 3 och sin klimatanpassning i kontraktet",
                en: "describe its follow-up, scope-3 indicators and adaptation in the contract"), source: "4.8"),
        Response(
            kind: .regionalHubGap,
            who: BilingualText(
                sv: "Kommunen tillsammans med sin regionala innovationsorganisation",
                en: "The municipality with its regional innovation organisation"),
            nextStep: BilingualText(
                sv: "definiera sin roll som regional hubb och dela sitt klimatmålår med regionen",
                en: "define its regional hub role and share its climate target year with the region"), source: "4.7"),
        Response(
            kind: .deliveryGap,
            who: BilingualText(
                sv: "Kommunen tillsammans med Viable Cities och de nivåer som beslutar om de dominerande sektorerna",
                en: "The municipality with Viable Cities and the levels that decide the dominant sectors"),
            nextStep: BilingualText(
                sv: "komma överens om åtgärder, sektor för sektor, som sluter gapet mellan den takt som krävs och den takt som uppmätts",
                en: "agree measures that close the gap between the required and the observed pace, sector by sector")),
    ])
}
