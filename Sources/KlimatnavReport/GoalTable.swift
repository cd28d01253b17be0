import KlimatnavCore

/// The goal comparison table in the style of the report's Table 4.1.1: goals of the
/// municipalities and the reference levels (Sweden, the EU), grouped by scope (1-2, 1-2-3,
/// unstated), sharpest first (``GoalNormalizer/sortedByStrength(_:)``), target years as columns,
/// with the normalised cut, the implied annual rates and what is ambiguous about each goal.
public struct GoalTable: Sendable {
    /// Something that makes a goal hard to compare.
    public enum Flag: String, Sendable, Hashable, CaseIterable {
        case scopeUnstated = "scope-unstated"
        case basisUnstated = "basis-unstated"
        case proposed
        case noNumber = "no-number"
        case cutFromWord = "cut-from-word"
        case interim
        /// A cut against an earlier base year (1990): its rate from 2020 would need the 2020
        /// emissions, so the column shows none (report 4.1, under figure 4.1.1).
        case rateNeedsBase = "rate-needs-base"
    }

    public struct Row: Sendable, Hashable {
        public var goal: Goal
        public var partyName: String
        public var reading: GoalReading
        public var flags: [Flag]
    }

    public struct Group: Sendable, Hashable {
        public var scope: GoalReading.ScopeGroup
        /// Target-year columns, ascending; `nil` (goals without a year) last.
        public var years: [Int?]
        /// Rows, sharpest first.
        public var rows: [Row]
    }

    /// Scope 1-2, then 1-2-3, then unstated; empty groups left out.
    public var groups: [Group]

    /// The table of `goals`; party names come from `state`.
    public init(goals: [Goal], state: WorldState, configuration: GapConfiguration = GapConfiguration()) {
        let normalizer = GoalNormalizer(configuration: configuration)
        let order: [GoalReading.ScopeGroup] = [.scope12, .scope123, .unstated]
        groups = order.compactMap { scope in
            let members = goals.filter { GoalNormalizer.scopeGroup(of: $0) == scope }
            guard !members.isEmpty else { return nil }
            let rows = normalizer.sortedByStrength(members).map { goal in
                Row(
                    goal: goal, partyName: state.parties[goal.party]?.name ?? goal.party.rawValue,
                    reading: normalizer.reading(of: goal), flags: Self.flags(goal, normalizer.reading(of: goal)))
            }
            let years = Set(members.map(\.targetYear))
            let sorted: [Int?] = years.compactMap { $0 }.sorted().map { Optional($0) } + (years.contains(nil) ? [nil] : [])
            return Group(scope: scope, years: sorted, rows: rows)
        }
    }

    /// The table of the model's municipalities and reference levels (whole-territory goals, as
    /// Table 4.1.1 compares "kommungeografiska klimatmål": sector goals and the municipal
    /// organisation's own goals are left out).
    public init(model: ReportModel) {
        let kinds: Set<PartyKind> = [.municipality, .reference]
        let goals = model.state.goals.values.filter { goal in
            goal.sector == nil && goal.orientation == .geographic
                && kinds.contains(model.state.parties[goal.party]?.kind ?? .agency)
        }
        self.init(goals: Array(goals), state: model.state, configuration: model.configuration)
    }

    static func flags(_ goal: Goal, _ reading: GoalReading) -> [Flag] {
        var flags: [Flag] = []
        if goal.scopes == nil || goal.scopes?.isEmpty == true { flags.append(.scopeUnstated) }
        let hasNumber =
            reading.cutPercent != nil || goal.perCapitaTonnes != nil || goal.annualRatePercent != nil
            || goal.carbonBudgetTonnes != nil
        if goal.basis == .unstated, hasNumber { flags.append(.basisUnstated) }
        if goal.status == .proposed { flags.append(.proposed) }
        if !hasNumber { flags.append(.noNumber) }
        if reading.cutFromWord { flags.append(.cutFromWord) }
        if goal.interimOf != nil { flags.append(.interim) }
        if goal.annualRatePercent == nil, let base = goal.baseYear, base < GapConfiguration().currentYear, reading.cutPercent != nil {
            flags.append(.rateNeedsBase)
        }
        return flags
    }

    // MARK: Labels

    /// What the goal says, in the catalogue's language, built from its fields ("fossilfritt",
    /// "−80 % mot 1990", "5 t CO₂e per invånare", "12 %/år per år").
    public static func label(_ goal: Goal, _ c: Catalogue) -> String {
        var parts: [String] = []
        if let word = goal.word { parts.append(c.goalWord(word)) }
        if let cut = goal.reductionPercent {
            let cutText = c.cut(cut)
            parts.append(goal.baseYear.map { c.format(.labelCutVsBase, cutText, String($0)) } ?? cutText)
        }
        if let tonnes = goal.perCapitaTonnes { parts.append(c.format(.labelPerCapitaLevel, c.tonnes(tonnes))) }
        if let rate = goal.annualRatePercent { parts.append(c.format(.labelRateGoal, c.percent(rate))) }
        if let budget = goal.carbonBudgetTonnes { parts.append(c.format(.labelBudget, c.number(budget, decimals: 0))) }
        if parts.isEmpty { parts.append(PartyText.plain(goal.text, goal.textEn, c.language)) }
        var label = parts.joined(separator: ", ")
        if goal.basis == .perCapita, goal.perCapitaTonnes == nil { label += " " + c[.perInhabitant] }
        switch goal.area {
        case .city: label += " (" + c[.areaCity] + ")"
        case .district: label += " (" + (goal.areaName ?? "") + ")"
        case .organisation: label += " (" + c[.areaOrganisation] + ")"
        case .municipality: if goal.orientation == .organisational { label += " (" + c[.areaOrganisation] + ")" }
        }
        return label
    }

    public static func flagLabel(_ flag: Flag, _ c: Catalogue) -> String {
        let key: Catalogue.Key =
            switch flag {
            case .scopeUnstated: .flagScopeUnstated
            case .basisUnstated: .flagBasisUnstated
            case .proposed: .flagProposed
            case .noNumber: .flagNoNumber
            case .cutFromWord: .flagFromWord
            case .interim: .flagInterim
            case .rateNeedsBase: .flagRateNeedsBase
            }
        return c[key]
    }

    // MARK: Rendering

    private func cells(
        _ row: Row, _ group: Group, _ c: Catalogue
    ) -> (years: [String], cut: String, now: String, base: String, notes: String) {
        let years = group.years.map { $0 == row.goal.targetYear ? row.partyName : "" }
        let cut = row.reading.cutPercent.map { c.cut($0) } ?? "–"
        let now = row.flags.contains(.rateNeedsBase) ? "–" : row.reading.rateFromCurrentYear.map { c.rate($0, decimals: 1) } ?? "–"
        let base = row.reading.rateFromBaseYear.map { c.rate($0, decimals: 1) } ?? "–"
        let notes = row.flags.map { Self.flagLabel($0, c) }.joined(separator: "; ")
        return (years, cut, now, base, notes)
    }

    private func yearHeader(_ year: Int?, _ c: Catalogue) -> String { year.map(String.init) ?? c[.colNoYear] }

    /// The table as HTML (one `<table>` per scope group).
    public func html(_ c: Catalogue) -> String {
        var out = ""
        for group in groups {
            out += "<h3>\(HTML.escape(c.scopeGroup(group.scope)))</h3>\n"
            out += "<table class=\"goals\" data-scope=\"\(group.scope.rawValue)\">\n<thead><tr><th>\(HTML.escape(c[.colGoal]))</th>"
            for year in group.years { out += "<th class=\"year\">\(HTML.escape(yearHeader(year, c)))</th>" }
            out +=
                "<th>\(HTML.escape(c[.colCut]))</th><th>\(HTML.escape(c[.colRateNow]))</th><th>\(HTML.escape(c[.colRateBase]))</th><th>\(HTML.escape(c[.colNotes]))</th></tr></thead>\n<tbody>\n"
            for row in group.rows {
                let cell = cells(row, group, c)
                let proposed = row.goal.status == .proposed ? " class=\"proposed\"" : ""
                out +=
                    "<tr\(proposed) data-goal=\"\(HTML.escape(row.goal.id))\"><th scope=\"row\">\(HTML.escape(Self.label(row.goal, c)))</th>"
                for name in cell.years { out += name.isEmpty ? "<td></td>" : "<td class=\"party\">\(HTML.escape(name))</td>" }
                out +=
                    "<td class=\"num\">\(HTML.escape(cell.cut))</td><td class=\"num\">\(HTML.escape(cell.now))</td><td class=\"num\">\(HTML.escape(cell.base))</td>"
                out += "<td class=\"notes\">\(HTML.escape(cell.notes))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out
    }

    /// The table as Markdown (one table per scope group).
    public func markdown(_ c: Catalogue) -> String {
        var out = ""
        for group in groups {
            out += "### \(c.scopeGroup(group.scope))\n\n"
            let header =
                [c[.colGoal]] + group.years.map { yearHeader($0, c) } + [c[.colCut], c[.colRateNow], c[.colRateBase], c[.colNotes]]
            out += "| " + header.map(HTML.markdown).joined(separator: " | ") + " |\n"
            out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
            for row in group.rows {
                let cell = cells(row, group, c)
                let values = [Self.label(row.goal, c)] + cell.years + [cell.cut, cell.now, cell.base, cell.notes]
                out += "| " + values.map(HTML.markdown).joined(separator: " | ") + " |\n"
            }
            out += "\n"
        }
        return out
    }
}
