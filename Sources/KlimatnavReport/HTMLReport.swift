import Foundation
import KlimatnavCore
import KlimatnavStore

/// The report as one self-contained HTML document (inline CSS and SVG, no scripts, no
/// network), and each part on its own for embedding (the dashboard reuses the parts).
/// Every text goes through ``HTML/escape(_:)``.
public struct HTMLReport: Sendable {
    public var model: ReportModel
    public var catalogue: Catalogue
    /// Where a party's name links to (`nil`: no link). By default its section of this document
    /// (`#party-ID`) when it has one; the dashboard links to its party pages.
    public var partyLink: @Sendable (PartyID) -> String?
    /// Emissions against goals, per municipality and county, of the state the report was made
    /// with (computed on first use, once per report and its copies).
    public var national: NationalPicture { nationalCache.value }
    private let nationalCache: NationalCache
    /// Where the accessibility statement is, from this document.
    public var statementLink: String
    /// Where a gap links to for its whole history (`nil`: no link; the dashboard's gap pages).
    public var gapLink: @Sendable (String) -> String? = { _ in nil }

    public init(model: ReportModel, language: Language, partyLink: (@Sendable (PartyID) -> String?)? = nil) {
        self.model = model
        self.catalogue = Catalogue(language)
        self.nationalCache = NationalCache(state: model.state)
        self.statementLink = AccessibilityStatement.reportFile(language)
        let sections = Set(model.pageParties.map(\.id))
        self.partyLink = partyLink ?? { sections.contains($0) ? "#party-\(HTML.anchor($0.rawValue))" : nil }
    }

    /// The emission parts (charts, county members, national overview), linked as this document links.
    public var emissions: EmissionPages {
        let report = self
        return EmissionPages(model: model, national: national, catalogue: catalogue) { report.partyName($0) }
    }

    /// A party's name, linked by ``partyLink``.
    public func partyName(_ id: PartyID) -> String {
        guard let href = partyLink(id) else { return e(model.name(id, c.language)) }
        return "<a href=\"\(e(href))\">\(e(model.name(id, c.language)))</a>"
    }

    private var c: Catalogue { catalogue }
    private func e(_ text: String) -> String { HTML.escape(text) }
    /// A text a party asserts, in the page's language (``PartyText``).
    private func own(_ sv: String, _ en: String?) -> String { PartyText.html(sv, en, c.language) }

    /// The inline stylesheet (also for print: each party starts a new page): the document's
    /// frame and ``contentStylesheet``.
    public static let stylesheet = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1a1a1a;line-height:1.45}
        h1{font-size:1.7rem;margin-bottom:.2rem}h2{border-bottom:2px solid #2f6f4f;padding-bottom:.2rem;margin-top:2.2rem}
        nav ul{columns:2}section.party{page-break-before:always}
        @media print{nav{display:none}body{margin:0}}

        """ + contentStylesheet

    /// The styles of the sections (tables, gap kinds, evidence, charts), for pages that embed
    /// them in a frame of their own (the dashboard).
    public static let contentStylesheet = """
        table{border-collapse:collapse;margin:.6rem 0 1.2rem;font-size:.92rem;width:100%}
        th,td{border:1px solid #ccc;padding:.3rem .45rem;vertical-align:top;text-align:left}
        thead th{background:#eef4f0}td.num{text-align:right;white-space:nowrap}td.party{font-weight:600;background:#f3f8f5}
        tr.proposed th,tr.proposed td.party{font-style:italic}td.notes{color:#7a4a00;font-size:.85rem}
        .kind{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#e8eef8;font-size:.85rem}
        .muted{color:#666;font-size:.88rem}.evidence{font-size:.82rem;color:#444;margin:0;padding-left:1.1rem}
        details{font-size:.85rem;color:#444}.lang-note{font-style:italic}
        svg{max-width:100%;height:auto}
        a.skip{position:absolute;left:-9999px;top:.3rem;background:#fff;color:#1f6f4a;padding:.4rem .8rem;border:2px solid #1f6f4a;z-index:10}a.skip:focus{left:.5rem}
        a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid #b5542a;outline-offset:2px}
        caption{text-align:left;font-weight:600;padding:.3rem 0}.chart-table{font-size:.8rem;width:auto}.chart-data{margin:.3rem 0 1rem}
        """

    // MARK: Document

    /// The whole report.
    public func render() -> String {
        var body = header()
        body += "<nav><h2>\(e(c[.contents]))</h2><ul>"
        for (id, key) in [
            ("goals", Catalogue.Key.goalTableHeading), ("trajectories", .chartHeading), ("gaps", .gapsHeading), ("closed", .closedLastYear),
            ("barriers", .barriersHeading), ("labs", .labsHeading), ("parties", .partiesHeading),
        ] {
            let title = id == "closed" ? closedHeading() : c[key]
            body += "<li><a href=\"#\(id)\">\(e(title))</a></li>"
            if id == "trajectories" { body += "<li><a href=\"#counties\">\(e(c[.countiesHeading]))</a></li>" }
        }
        body += "</ul></nav>\n<main id=\"main\">"
        body +=
            goalTableSection() + chartSection() + emissions.nationalSection() + gapsSection() + followUpSection() + closedGapsSection()
            + barriersSection() + labsSection()
        body += "<h2 id=\"parties\">\(e(c[.partiesHeading]))</h2>\n"
        // Charts of emissions in the whole document only for municipalities with goals (290
        // charts would make it megabytes); every municipality's own page has its chart.
        for party in model.pageParties {
            body += partySection(party.id, charts: party.kind != .municipality || !model.state.goals(of: party.id).isEmpty)
        }
        return document(title: c[.reportTitle], body: body + "</main>" + footer())
    }

    /// A standalone page for one party, or `nil` for an unknown party.
    public func partyPage(_ id: PartyID) -> String? {
        guard let party = model.state.parties[id] else { return nil }
        // A party page stands alone beside the other parties' pages (ReportWriter).
        var page = self
        let pages = Set(model.pageParties.map(\.id)), lang = c.language.rawValue
        page.partyLink = { pages.contains($0) ? "\($0.rawValue).\(lang).html" : nil }
        page.statementLink = "../" + statementLink
        return document(
            title: "\(c[.reportTitle]) – \(model.name(id, c.language))",
            body: page.header() + "<main id=\"main\">" + page.partySection(id) + "</main>" + page.footer())
    }

    /// Wraps `body` in a complete HTML document with the inline stylesheet.
    public func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(c.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(title))</title>
        <style>
        \(Self.stylesheet)
        </style>
        </head>
        <body>
        <a class="skip" href="#main">\(e(c[.skipToContent]))</a>
        \(body)
        </body>
        </html>

        """
    }

    /// The footer: where the data comes from and the accessibility statement.
    func footer() -> String {
        "<footer><p class=\"muted\">\(e(c[.sourceNote]))</p><p><a href=\"\(e(statementLink))\">\(e(c[.accessibilityLink]))</a></p></footer>\n"
    }

    private func header() -> String {
        var out =
            "<header><h1>\(e(c[.reportTitle]))</h1><p>\(e(c[.reportSubtitle]))</p><p class=\"muted\">\(e(c.format(.generatedAt, c.date(model.generatedAt))))"
        if let latest = model.latestRevision {
            out += " · " + e(c.format(.latestRevision, latest.revision.id, latest.revision.date))
        } else {
            out += " · " + e(c[.noRevision])
        }
        out += "</p>"
        let s = model.state
        out +=
            "<p>\(e(c.format(.summaryLine, c.integer(s.parties.count), c.integer(s.goals.count), c.integer(model.openGaps.count), c.integer(s.barriers.count), c.integer(s.policyLabs.count))))</p>"
        if c.language == .sv { out += "<p class=\"muted\">\(e(c[.englishTextNote]))</p>" }
        out += "</header>\n"
        return out
    }

    // MARK: Sections

    public func goalTableSection() -> String {
        "<section id=\"goals\"><h2>\(e(c[.goalTableHeading]))</h2><p>\(e(c[.goalTableIntro]))</p><p class=\"muted\">\(e(c[.goalTableOrdering]))</p>\n"
            + GoalTable(model: model).html(c) + "</section>\n"
    }

    public func chartSection(parties: [PartyID]? = nil) -> String {
        let chart = TrajectoryChart(model: model, parties: parties)
        var out = "<section id=\"trajectories\"><h2>\(e(c[.chartHeading]))</h2><p>\(e(c[.chartIntro]))</p>\n" + chart.html(c)
        if !chart.series.isEmpty {
            out += "<p class=\"muted\">\(e(c[.chartGoalUsed])): "
            out += chart.series.map { "\(e($0.name)): \(e(GoalTable.label($0.goal, c))) \($0.goal.targetYear.map(String.init) ?? "")" }
                .joined(separator: "; ")
            out += "</p>"
        }
        return out + "</section>\n"
    }

    public func gapsSection() -> String {
        var out = "<section id=\"gaps\"><h2>\(e(c[.gapsHeading]))</h2><p>\(e(c[.gapsIntro]))</p>\n"
        guard !model.openGaps.isEmpty else { return out + "<p>\(e(c[.gapsNone]))</p></section>\n" }
        out += "<h3>\(e(c[.gapsByKindParty]))</h3>" + countsTable()
        for kind in GapKind.allCases {
            let records = model.openGaps.filter { $0.gap.kind == kind }
            guard !records.isEmpty else { continue }
            out +=
                "<h3 id=\"kind-\(kind.rawValue)\">\(e(c.gapKind(kind))) (\(records.count))</h3><p class=\"muted\">\(e(c.gapKindExplanation(kind)))</p>\n"
            out += gapTable(records, closed: false)
        }
        return out + "</section>\n"
    }

    private func countsTable() -> String {
        let counts = model.openGapCounts
        let parties = Set(counts.values.flatMap(\.keys)).sorted { model.name($0, c.language) < model.name($1, c.language) }
        var out = "<table class=\"counts\"><thead><tr><th>\(e(c[.colParty]))</th>"
        let kinds = GapKind.allCases.filter { counts[$0] != nil }
        for kind in kinds { out += "<th>\(e(c.gapKind(kind)))</th>" }
        out += "<th>\(e(c[.total]))</th></tr></thead><tbody>\n"
        for party in parties {
            out += "<tr><th scope=\"row\">\(partyName(party))</th>"
            var total = 0
            for kind in kinds {
                let n = counts[kind]?[party] ?? 0
                total += n
                out += "<td class=\"num\">\(n == 0 ? "" : c.integer(n))</td>"
            }
            out += "<td class=\"num\">\(c.integer(total))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    /// A table of gaps with description, parties, evidence and age (or closing date). With
    /// `status`, as the dashboard's gap list: a status column, each row's id `gap-ID` and its
    /// `data-status`, and the body's id `gap-rows` (the live feed updates them).
    public func gapTable(_ records: [GapRecord], closed: Bool, status: Bool = false) -> String {
        var out =
            "<table class=\"gaps\"><thead><tr><th>\(e(c[.colKind]))</th><th>\(e(c[.colSummary]))</th><th>\(e(c[.colParties]))</th><th>\(e(c[.colEvidence]))</th><th>\(e(closed ? c[.colResolved] : c[.colAge]))</th>"
        if status { out += "<th>\(e(c[.colStatus]))</th>" }
        out += "</tr></thead><tbody\(status ? " id=\"gap-rows\"" : "")>\n"
        for record in records {
            let gap = record.gap
            let resolved = record.status != "open"
            out +=
                status
                ? "<tr id=\"gap-\(e(gap.id))\" data-status=\"\(e(record.status))\" data-gap=\"\(e(gap.id))\"\(resolved ? " class=\"status-resolved\"" : "")>"
                : "<tr data-gap=\"\(e(gap.id))\">"
            out +=
                "<td><span class=\"kind\" title=\"\(e(c.gapKindExplanation(gap.kind)))\">\(e(c.gapKind(gap.kind)))</span></td><td>\(e(GapSentence.text(gap, in: model.state, c)))"
            if c.language == .sv, let recommendation = gap.recommendationSv {
                out += "<details><summary>\(e(c[.colRecommendation]))</summary>\(e(recommendation))</details>"
            } else if let recommendation = gap.recommendation {
                // Only the English one (a hub from before recommendationSv): marked in Swedish.
                let note = c.language == .sv ? " <span class=\"muted lang-note\">(\(e(c[.englishLabel])))</span>" : ""
                let text = c.language == .sv ? "<span lang=\"en\">\(e(recommendation))</span>" : e(recommendation)
                out += "<details><summary>\(e(c[.colRecommendation]))</summary>\(text)\(note)</details>"
            }
            out += followUpCell(gap.id)
            out += "</td><td>\(c.list(gap.parties.map(partyName)))</td><td><ul class=\"evidence\">"
            for item in c.language == .sv ? PartyText.swedishEvidence(gap.evidence) : gap.evidence {
                out += "<li><code>\(e(item))</code></li>"
            }
            out += "</ul></td><td class=\"num\">"
            if closed {
                out += record.resolvedAt.map { e(c.date($0)) } ?? "–"
            } else {
                out += e(c.days(model.daysOpen(record))) + "<br><span class=\"muted\">\(e(c.date(record.openedAt)))</span>"
            }
            out += "</td>"
            if status { out += "<td class=\"st\">\(e(c[resolved ? .statusClosed : .statusOpen]))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    func closedHeading() -> String {
        model.baselineRevision.map { c.format(.closedSinceRevision, $0.revision.id) } ?? c[.closedLastYear]
    }

    public func closedGapsSection() -> String {
        let closed = model.closedSinceBaseline
        var out = "<section id=\"closed\"><h2>\(e(closedHeading()))</h2>\n"
        out += closed.isEmpty ? "<p>\(e(c[.closedNone]))</p>" : gapTable(closed, closed: true)
        return out + "</section>\n"
    }

    public func barriersSection() -> String {
        var out = "<section id=\"barriers\"><h2>\(e(c[.barriersHeading]))</h2>\n"
        let barriers = model.state.barriers.values.sorted { $0.id < $1.id }
        guard !barriers.isEmpty else { return out + "<p>\(e(c[.barriersNone]))</p></section>\n" }
        out +=
            "<table class=\"barriers\"><thead><tr><th>\(e(c[.colBarrier]))</th><th>\(e(c[.colReportedBy]))</th><th>\(e(c[.colChangeLevel]))</th><th>\(e(c[.colAgency]))</th><th>\(e(c[.colStatus]))</th></tr></thead><tbody>\n"
        for barrier in barriers {
            out += "<tr data-barrier=\"\(e(barrier.id))\"><td>\(own(barrier.title, barrier.titleEn))"
            if let instrument = barrier.instrument { out += "<br><span class=\"muted\">\(own(instrument, barrier.instrumentEn))</span>" }
            out += "</td><td>\(c.list(barrier.reportedBy.map(partyName)))</td><td>\(e(c.level(barrier.changeLevel)))</td>"
            out +=
                "<td>\(barrier.responsibleAgency.map(partyName) ?? e(c[.noAgency]))</td><td>\(e(c.barrierStatus(barrier.status)))</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    public func labsSection() -> String {
        var out = "<section id=\"labs\"><h2>\(e(c[.labsHeading]))</h2>\n"
        let labs = model.state.policyLabs.values.sorted { $0.id < $1.id }
        guard !labs.isEmpty else { return out + "<p>\(e(c[.labsNone]))</p></section>\n" }
        out +=
            "<table class=\"labs\"><thead><tr><th>\(e(c[.colLab]))</th><th>\(e(c[.colBarrier]))</th><th>\(e(c[.colParties]))</th><th>\(e(c[.colStatus]))</th></tr></thead><tbody>\n"
        for lab in labs {
            let barrier = model.state.barriers[lab.barrier].map { own($0.title, $0.titleEn) } ?? e(lab.barrier)
            out +=
                "<tr><td><code>\(e(lab.id))</code></td><td>\(barrier)</td><td>\(c.list(lab.parties.map(partyName)))</td><td>\(e(c.labStatus(lab.status)))</td></tr>\n"
        }
        return out + "</tbody></table></section>\n"
    }

    /// One party: facts, its contract sections 3.1-3.8 with status, what is missing, its goals
    /// and its open gaps.
    public func partySection(_ id: PartyID, heading: Int = 2, charts: Bool = true) -> String {
        guard let party = model.state.parties[id] else { return "" }
        let state = model.state
        var out =
            "<section class=\"party\" id=\"party-\(HTML.anchor(id.rawValue))\"><h\(heading)>\(e(model.name(id, c.language))) <span class=\"muted\">(\(e(c.partyKind(party.kind))), \(e(c.level(party.level))))</span></h\(heading)>\n<ul>"
        if let region = party.region { out += "<li>\(e(c[.partyRegion])): \(e(region))</li>" }
        if let population = party.population { out += "<li>\(e(c[.partyPopulation])): \(e(c.integer(population)))</li>" }
        if !party.reportingPlatforms.isEmpty {
            out += "<li>\(e(c[.partyPlatforms])): \(e(c.list(party.reportingPlatforms.map(c.platform))))</li>"
        }
        let hubs = state.hubs(of: id)
        if !hubs.isEmpty { out += "<li>\(e(c[.partyHubs])): \(c.list(hubs.map(partyName)))</li>" }
        out += "</ul>\n"
        if party.kind == .municipality {
            out +=
                "<h\(heading + 1)>\(e(c[.partySections]))</h\(heading + 1)><table class=\"sections\"><thead><tr><th>\(e(c[.colSection]))</th><th>\(e(c[.colStatus]))</th><th>\(e(c[.colContent]))</th></tr></thead><tbody>\n"
            for section in ContractSection.allCases {
                let commitment = state.commitments[CommitmentKey(party: id, section: section)]
                if commitment == nil, !ContractSection.required.contains(section) { continue }
                let status = commitment.map { c.commitmentStatus($0.status) } ?? c[.notStated]
                out +=
                    "<tr><th scope=\"row\">\(e(section.rawValue)) \(e(c.section(section)))</th><td>\(e(status))</td><td>\(commitment.map { own($0.summary, $0.summaryEn) } ?? "")</td></tr>\n"
            }
            out += "</tbody></table>\n<h\(heading + 1)>\(e(c[.partyMissing]))</h\(heading + 1)>"
            let missing = Self.missingSections(of: id, in: state)
            if missing.isEmpty {
                out += "<p>\(e(c[.partyMissingNone]))</p>"
            } else {
                out +=
                    "<ul>"
                    + missing.map { section, status in
                        "<li>\(e(c.format(.partyMissingItem, section.rawValue, c.section(section), status.map { c.commitmentStatus($0) } ?? c[.notStated])))</li>"
                    }.joined() + "</ul>"
            }
        }
        let goals = GoalNormalizer(configuration: model.configuration).sortedByStrength(state.goals(of: id))
        if !goals.isEmpty || party.kind == .municipality {
            out += "<h\(heading + 1)>\(e(c[.partyGoals]))</h\(heading + 1)>"
            if goals.isEmpty {
                out += "<p>\(e(c[.partyNoGoals]))</p>"
            } else {
                out +=
                    "<ul>"
                    + goals.map { goal in
                        let flags = GoalTable.flags(goal, GoalNormalizer(configuration: model.configuration).reading(of: goal)).map {
                            GoalTable.flagLabel($0, c)
                        }
                        let year = goal.targetYear.map { " \($0)" } ?? ""
                        let notes = flags.isEmpty ? "" : " <span class=\"muted\">(\(e(flags.joined(separator: "; "))))</span>"
                        return
                            "<li><strong>\(e(GoalTable.label(goal, c)))\(year)</strong>\(notes)<br><span class=\"muted\">\(own(goal.text, goal.textEn))</span></li>"
                    }.joined() + "</ul>"
            }
        }
        if party.kind == .municipality, TrajectoryChart(model: model, parties: [id]).series.isEmpty == false {
            out += TrajectoryChart(model: model, parties: [id]).html(c, key: id.rawValue)
        }
        if party.kind == .municipality, charts { out += emissions.municipalitySection(id, heading: heading + 1) }
        if party.kind == .regionalHub { out += emissions.countySection(id, heading: heading + 1) }
        out += "<h\(heading + 1)>\(e(c[.partyGaps]))</h\(heading + 1)>"
        let gaps = model.openGaps(of: id)
        out += gaps.isEmpty ? "<p>\(e(c[.partyNoGaps]))</p>" : gapTable(gaps, closed: false)
        return out + "<p class=\"muted\"><a href=\"#\">\(e(c[.backToTop]))</a></p></section>\n"
    }

    /// Required sections (3.1-3.8) of a municipality that are not described: status `nil` when
    /// the party sent nothing for the section.
    public static func missingSections(of id: PartyID, in state: WorldState) -> [(ContractSection, CommitmentStatus?)] {
        ContractSection.required.compactMap { section in
            let status = state.commitments[CommitmentKey(party: id, section: section)]?.status
            return status == .described ? nil : (section, status)
        }
    }
}
