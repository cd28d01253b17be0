import KlimatnavCore

/// The page language. Swedish and English.
public enum Language: String, Sendable, CaseIterable {
    case sv, en
}

/// The dashboard's own words, in Swedish and English. Thin on purpose: when the
/// `KlimatnavReport` string catalogue lands, these keys move to it.
enum Strings {
    static func text(_ key: String, _ language: Language) -> String {
        guard let pair = table[key] else { return key }
        return language == .sv ? pair.0 : pair.1
    }

    static let table: [String: (String, String)] = [
        "title": ("Klimatnav – översikt", "Klimatnav – overview"),
        "nav.overview": ("Översikt", "Overview"),
        "nav.goals": ("Mål", "Goals"),
        "nav.gaps": ("Glapp", "Gaps"),
        "nav.barriers": ("Hinder och policylabb", "Barriers and policy labs"),
        "nav.parties": ("Parter", "Parties"),
        "nav.revisions": ("Revideringar", "Revisions"),
        "overview.open": ("Öppna glapp", "Open gaps"),
        "overview.resolved": ("Lösta glapp", "Resolved gaps"),
        "overview.byKind": ("Öppna glapp per slag", "Open gaps by kind"),
        "overview.live": ("Nya händelser (live)", "Latest events (live)"),
        "overview.liveNone": ("Inga händelser sedan sidan öppnades.", "No events since the page opened."),
        "live.connected": ("Live: ansluten till navet", "Live: connected to the hub"),
        "live.disconnected": ("Live: inte ansluten", "Live: not connected"),
        "live.nohub": ("Live: inget nav angivet (--hub)", "Live: no hub given (--hub)"),
        "goals.title": ("Mål", "Goals"),
        "goals.party": ("Part", "Party"),
        "goals.goal": ("Mål", "Goal"),
        "goals.target": ("Målår", "Target year"),
        "goals.cut": ("Minskning", "Cut"),
        "goals.form": ("Form", "Form"),
        "goals.trajectories": ("Banor (andel av basårets utsläpp)", "Trajectories (share of base-year emissions)"),
        "gaps.title": ("Glapp", "Gaps"),
        "gaps.kind": ("Slag", "Kind"),
        "gaps.parties": ("Parter", "Parties"),
        "gaps.levels": ("Nivåer", "Levels"),
        "gaps.summary": ("Sammanfattning", "Summary"),
        "gaps.evidence": ("Underlag", "Evidence"),
        "gaps.recommendation": ("Rekommendation", "Recommendation"),
        "gaps.age": ("Ålder", "Age"),
        "gaps.status": ("Status", "Status"),
        "gaps.none": ("Inga glapp matchar filtret.", "No gaps match the filter."),
        "gaps.csv": ("Ladda ner CSV", "Download CSV"),
        "filter.party": ("Part", "Party"),
        "filter.kind": ("Slag", "Kind"),
        "filter.level": ("Nivå", "Level"),
        "filter.all": ("Alla", "All"),
        "filter.resolved": ("Visa lösta", "Show resolved"),
        "filter.apply": ("Filtrera", "Filter"),
        "barriers.title": ("Regelhinder", "Regulatory barriers"),
        "barriers.instrument": ("Styrmedel", "Instrument"),
        "barriers.reportedBy": ("Rapporterat av", "Reported by"),
        "barriers.responsible": ("Ansvarig myndighet", "Responsible agency"),
        "barriers.labs": ("Policylabb", "Policy labs"),
        "barriers.none": ("Inga regelhinder.", "No regulatory barriers."),
        "parties.title": ("Parter", "Parties"),
        "parties.kind": ("Typ", "Kind"),
        "parties.level": ("Nivå", "Level"),
        "parties.openGaps": ("Öppna glapp", "Open gaps"),
        "parties.goals": ("Mål", "Goals"),
        "revisions.title": ("Revideringar", "Revisions"),
        "revisions.none": ("Inga revideringar ännu.", "No revisions yet."),
        "revisions.entity": ("Vad", "What"),
        "revisions.at": ("När", "When"),
        "status.open": ("öppet", "open"),
        "status.resolved": ("löst", "resolved"),
        "change.opened": ("öppnat", "opened"),
        "change.changed": ("ändrat", "changed"),
        "change.resolved": ("löst", "resolved"),
        "days": ("dagar", "days"),
        "year": ("år", "yr"),
        "today": ("i dag", "today"),
        "notfound": ("Sidan finns inte.", "No such page."),
        "footer": ("Skrivskyddad vy av navets databas.", "Read-only view of the hub's database."),
        "kind.governance-gap": ("Styrningsglapp", "Governance gap"),
        "kind.policy-lab-candidate": ("Kandidat till policylabb", "Policy lab candidate"),
        "kind.roadmap-misalignment": ("Färdplaner i otakt", "Roadmap misalignment"),
        "kind.ambition-gap": ("Ambitionsglapp", "Ambition gap"),
        "kind.definition-gap": ("Definitionsglapp", "Definition gap"),
        "kind.reporting-gap": ("Rapporteringsglapp", "Reporting gap"),
        "kind.regional-hub-gap": ("Glapp i regional nod", "Regional hub gap"),
        "level.local": ("lokal", "local"),
        "level.regional": ("regional", "regional"),
        "level.national": ("nationell", "national"),
        "level.eu": ("EU", "EU"),
        "level.industry": ("bransch", "industry"),
    ]

    static func kind(_ kind: GapKind, _ language: Language) -> String { text("kind.\(kind.rawValue)", language) }
    static func level(_ level: Level, _ language: Language) -> String { text("level.\(level.rawValue)", language) }
}
