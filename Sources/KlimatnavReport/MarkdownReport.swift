import Foundation
import KlimatnavCore
import KlimatnavStore

/// The report as Markdown, for mailing around: the same sections as ``HTMLReport`` without the
/// charts (the HTML version has them).
public struct MarkdownReport: Sendable {
    public var model: ReportModel
    public var catalogue: Catalogue

    public init(model: ReportModel, language: Language) {
        self.model = model
        self.catalogue = Catalogue(language)
    }

    private var c: Catalogue { catalogue }
    private func m(_ text: String) -> String { HTML.markdown(text) }
    private func name(_ id: PartyID) -> String { model.name(id, c.language) }

    private func row(_ cells: [String]) -> String { "| " + cells.map(m).joined(separator: " | ") + " |\n" }
    private func header(_ cells: [String]) -> String { row(cells) + "|" + cells.map { _ in "---" }.joined(separator: "|") + "|\n" }

    public func render() -> String {
        var out = "# \(m(c[.reportTitle]))\n\n\(m(c[.reportSubtitle]))\n\n"
        out += m(c.format(.generatedAt, c.date(model.generatedAt))) + ". "
        out += model.latestRevision.map { m(c.format(.latestRevision, $0.revision.id, $0.revision.date)) + "." } ?? m(c[.noRevision])
        let s = model.state
        out +=
            "\n\n"
            + m(
                c.format(
                    .summaryLine, c.integer(s.parties.count), c.integer(s.goals.count), c.integer(model.openGaps.count),
                    c.integer(s.barriers.count), c.integer(s.policyLabs.count))) + "\n\n"
        if c.language == .sv { out += "_\(m(c[.englishTextNote]))_\n\n" }

        out += "## \(m(c[.goalTableHeading]))\n\n\(m(c[.goalTableIntro]))\n\n\(m(c[.goalTableOrdering]))\n\n"
        out += GoalTable(model: model).markdown(c)

        out += "## \(m(c[.chartHeading]))\n\n"
        let chart = TrajectoryChart(model: model)
        if chart.series.isEmpty {
            out += m(c[.chartNoGoal]) + "\n\n"
        } else {
            out += header([c[.colParty], c[.colGoal], c[.colRateNow]])
            for line in chart.series {
                out += row([
                    line.name, GoalTable.label(line.goal, c) + (line.goal.targetYear.map { " \($0)" } ?? ""),
                    c.rate(line.ratePercent, decimals: 1),
                ])
            }
            let cfg = model.configuration
            out +=
                "\n" + m(c.format(.chartCarbonLaw, c.rate(cfg.carbonLawRatePercent))) + "; "
                + m(c.format(.chartFairShare, c.percent(cfg.fairShareRatePercent.lowerBound), c.rate(cfg.fairShareRatePercent.upperBound)))
                + "; "
                + m(c.format(.chartKlimatkollen, c.rate(cfg.klimatkollenRatePercent))) + "; "
                + m(c.format(.chartSweden, String(chart.nationalYear))) + "; " + m(c.format(.chartEU, String(chart.euYear))) + ".\n\n"
        }

        out += EmissionPages(model: model, national: NationalPicture(state: model.state), catalogue: c) { model.name($0) }
            .nationalMarkdown()

        out += "## \(m(c[.gapsHeading]))\n\n"
        if model.openGaps.isEmpty {
            out += m(c[.gapsNone]) + "\n\n"
        } else {
            out += "### \(m(c[.gapsByKindParty]))\n\n"
            let counts = model.openGapCounts
            let kinds = GapKind.allCases.filter { counts[$0] != nil }
            out += header([c[.colParty]] + kinds.map(c.gapKind) + [c[.total]])
            for party in Set(counts.values.flatMap(\.keys)).sorted(by: { name($0) < name($1) }) {
                let values = kinds.map { counts[$0]?[party] ?? 0 }
                out += row([name(party)] + values.map { $0 == 0 ? "" : c.integer($0) } + [c.integer(values.reduce(0, +))])
            }
            out += "\n"
            for kind in GapKind.allCases {
                let records = model.openGaps.filter { $0.gap.kind == kind }
                guard !records.isEmpty else { continue }
                out += "### \(m(c.gapKind(kind))) (\(records.count))\n\n_\(m(c.gapKindExplanation(kind)))_\n\n"
                out += gapList(records, closed: false)
            }
        }
        let closed = model.closedSinceBaseline
        let closedTitle = model.baselineRevision.map { c.format(.closedSinceRevision, $0.revision.id) } ?? c[.closedLastYear]
        out += "## \(m(closedTitle))\n\n" + (closed.isEmpty ? m(c[.closedNone]) + "\n\n" : gapList(closed, closed: true))

        out += "## \(m(c[.barriersHeading]))\n\n"
        let barriers = s.barriers.values.sorted { $0.id < $1.id }
        if barriers.isEmpty {
            out += m(c[.barriersNone]) + "\n\n"
        } else {
            out += header([c[.colBarrier], c[.colReportedBy], c[.colChangeLevel], c[.colAgency], c[.colStatus]])
            for barrier in barriers {
                out += row([
                    PartyText.plain(barrier.title, barrier.titleEn, c.language), c.list(barrier.reportedBy.map(name)),
                    c.level(barrier.changeLevel),
                    barrier.responsibleAgency.map(name) ?? c[.noAgency], c.barrierStatus(barrier.status),
                ])
            }
            out += "\n"
        }
        out += "## \(m(c[.labsHeading]))\n\n"
        let labs = s.policyLabs.values.sorted { $0.id < $1.id }
        if labs.isEmpty {
            out += m(c[.labsNone]) + "\n\n"
        } else {
            out += header([c[.colLab], c[.colBarrier], c[.colParties], c[.colStatus]])
            for lab in labs {
                out += row([
                    lab.id, s.barriers[lab.barrier].map { PartyText.plain($0.title, $0.titleEn, c.language) } ?? lab.barrier,
                    c.list(lab.parties.map(name)), c.labStatus(lab.status),
                ])
            }
            out += "\n"
        }
        out += "## \(m(c[.partiesHeading]))\n\n"
        for party in model.pageParties { out += partySection(party.id) }
        return out
    }

    private func gapList(_ records: [GapRecord], closed: Bool) -> String {
        var out = ""
        for record in records {
            let gap = record.gap
            let when = closed ? (record.resolvedAt.map { c.date($0) } ?? "–") : c.days(model.daysOpen(record))
            out +=
                "- **\(m(c.list(gap.parties.map(name))))**: \(m(GapSentence.text(gap, in: model.state, c))) (\(m(closed ? c[.colResolved] : c[.colAge])): \(m(when)))\n"
            let recommendation = c.language == .sv ? gap.recommendationSv : gap.recommendation
            if let recommendation { out += "  - \(m(c[.colRecommendation])): \(m(recommendation))\n" }
            let evidence = c.language == .sv ? PartyText.swedishEvidence(gap.evidence) : gap.evidence
            if !evidence.isEmpty {
                out +=
                    "  - \(m(c[.colEvidence])): "
                    + evidence.map { "`\($0.replacingOccurrences(of: "`", with: "'"))`" }.joined(separator: "; ") + "\n"
            }
        }
        return out + "\n"
    }

    /// One party's section.
    public func partySection(_ id: PartyID) -> String {
        guard let party = model.state.parties[id] else { return "" }
        let state = model.state
        var out = "### \(m(name(id))) (\(m(c.partyKind(party.kind))), \(m(c.level(party.level))))\n\n"
        if party.kind == .municipality {
            out += header([c[.colSection], c[.colStatus], c[.colContent]])
            for section in ContractSection.allCases {
                let commitment = state.commitments[CommitmentKey(party: id, section: section)]
                if commitment == nil, !ContractSection.required.contains(section) { continue }
                out += row([
                    "\(section.rawValue) \(c.section(section))", commitment.map { c.commitmentStatus($0.status) } ?? c[.notStated],
                    commitment.map { PartyText.plain($0.summary, $0.summaryEn, c.language) } ?? "",
                ])
            }
            let missing = HTMLReport.missingSections(of: id, in: state)
            out += "\n**\(m(c[.partyMissing]))**: "
            out +=
                missing.isEmpty
                ? m(c[.partyMissingNone])
                : m(
                    missing.map { "\($0.0.rawValue) \(c.section($0.0)) (\($0.1.map { c.commitmentStatus($0) } ?? c[.notStated]))" }.joined(
                        separator: "; "))
            out += "\n\n"
        }
        let normalizer = GoalNormalizer(configuration: model.configuration)
        let goals = normalizer.sortedByStrength(state.goals(of: id))
        if !goals.isEmpty {
            out += "**\(m(c[.partyGoals]))**\n\n"
            for goal in goals {
                let flags = GoalTable.flags(goal, normalizer.reading(of: goal)).map { GoalTable.flagLabel($0, c) }
                out +=
                    "- \(m(GoalTable.label(goal, c)))\(goal.targetYear.map { " \($0)" } ?? "")"
                    + (flags.isEmpty ? "" : " (\(m(flags.joined(separator: "; "))))")
                    + ": \(m(PartyText.plain(goal.text, goal.textEn, c.language)))\n"
            }
            out += "\n"
        }
        let gaps = model.openGaps(of: id)
        out += "**\(m(c[.partyGaps]))**\n\n" + (gaps.isEmpty ? m(c[.partyNoGaps]) + "\n\n" : gapList(gaps, closed: false))
        return out
    }
}

/// Writes the report files into a folder: `klimatnav-report.LANG.html`, `klimatnav-report.LANG.md`,
/// and one page per party under `parties/ID.LANG.html`.
public enum ReportWriter {
    /// Writes the files for `language`; returns their URLs (main HTML first).
    @discardableResult
    public static func write(_ model: ReportModel, language: Language, to directory: URL) throws -> [URL] {
        let fm = FileManager.default
        let parties = directory.appendingPathComponent("parties", isDirectory: true)
        try fm.createDirectory(at: parties, withIntermediateDirectories: true)
        let html = HTMLReport(model: model, language: language)
        let lang = language.rawValue
        var written: [URL] = []
        let main = directory.appendingPathComponent("klimatnav-report.\(lang).html")
        try Data(html.render().utf8).write(to: main, options: .atomic)
        written.append(main)
        let markdown = directory.appendingPathComponent("klimatnav-report.\(lang).md")
        try Data(MarkdownReport(model: model, language: language).render().utf8).write(to: markdown, options: .atomic)
        written.append(markdown)
        let statement = directory.appendingPathComponent(AccessibilityStatement.reportFile(language))
        try Data(AccessibilityStatement.document(language).utf8).write(to: statement, options: .atomic)
        written.append(statement)
        for party in model.pageParties {
            guard let page = html.partyPage(party.id) else { continue }
            let url = parties.appendingPathComponent("\(party.id.rawValue).\(lang).html")
            try Data(page.utf8).write(to: url, options: .atomic)
            written.append(url)
        }
        return written
    }
}
