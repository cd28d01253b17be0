// The string table: every key with its Swedish and English text side by side. To add a string,
// add a case to `Key` (Catalogue+Key.swift) and its entry here; the compiler checks that every
// key has both texts.
extension Catalogue {
    /// The Swedish and English text of `key`.
    public static func entry(_ key: Key) -> (sv: String, en: String) {
        switch key {
        case .reportTitle: ("Klimatnav – lägesrapport", "Klimatnav – status report")
        case .reportSubtitle:
            (
                "Glapp mellan klimatlöften på olika nivåer (Klimatkontrakt 2030)",
                "Gaps between climate promises at different levels (Klimatkontrakt 2030)"
            )
        case .generatedAt: ("Skapad {0}", "Generated {0}")
        case .latestRevision: ("Senaste revision: {0}, stängd {1}", "Latest revision: {0}, closed {1}")
        case .noRevision: ("Ingen revision är stängd ännu.", "No revision has been closed yet.")
        case .contents: ("Innehåll", "Contents")
        case .summaryHeading: ("Sammanfattning", "Summary")
        case .summaryLine:
            (
                "{0} parter, {1} mål, {2} öppna glapp, {3} regelhinder och {4} policylabb.",
                "{0} parties, {1} goals, {2} open gaps, {3} regulatory barriers and {4} policy labs."
            )
        case .and: ("och", "and")
        case .none: ("inga", "none")
        case .noneOne: ("ingen", "none")
        case .unitPerYear: ("/år", "/yr")
        case .dayOne: ("{0} dag", "{0} day")
        case .dayMany: ("{0} dagar", "{0} days")
        case .backToTop: ("Till början", "Back to top")
        case .sourceNote:
            (
                "Fakta enligt Viable Cities rapport 2021:7 och de meddelanden parterna skickat till navet.",
                "Facts from Viable Cities Report 2021:7 and the messages the parties sent to the hub."
            )
        case .goalTableHeading: ("Jämförelse av klimatmål", "Comparison of climate goals")
        case .goalTableIntro:
            (
                "Kommunernas, Sveriges och EU:s mål per scope-grupp, ordnade efter skärpa med det skarpaste först, i stil med tabell 4.1.1 i Viable Cities rapport 2021:7. Målåret avgör mycket: ”nära noll 2030” är skarpare än ”100 % till 2050”. Målen jämförs med den årliga minskningstakt de innebär räknat från 2020.",
                "The goals of the municipalities, Sweden and the EU by scope group, sharpest first, in the style of Table 4.1.1 of Viable Cities Report 2021:7. The target year matters: “near zero 2030” is sharper than “100 % by 2050”. Goals are compared by the annual reduction rate they imply from 2020."
            )
        case .goalTableOrdering:
            (
                "Ordning: mål med en takt (angiven eller beräknad) före nivåer per invånare före mål utan siffra; högre takt först; absoluta före ej angivna före per invånare; starkare målord; tidigare målår. Målord rangordnas enligt rapportens text, där ”ingen negativ klimatpåverkan” står över ”klimatneutral” (rapportens tabell har motsatt ordning). Skillnader mot tabell 4.1.1: Sveriges −85 % och EU:s −55 % finns med (källor utanför rapporten); Järfällas och Uppsalas årliga takter visas som takter, inte omräknade till 2030; Stockholms konsumtionsmål står på 2023 som i kontraktet (tabellen: 2040); mål utan angivet scope står i en egen grupp; kommunorganisationens egna mål är inte med.",
                "Order: goals with a rate (stated or implied) before per-capita levels before goals with no number; higher rate first; absolute before unstated before per capita; stronger goal word; earlier target year. Goal words rank as in the report's text, which puts “no negative climate impact” above “climate-neutral” (the report's table has the opposite order). Differences from Table 4.1.1: Sweden's −85 % and the EU's −55 % are included (sources outside the report); Järfälla's and Uppsala's yearly rates are shown as rates, not converted to 2030; Stockholm's consumption goal is at 2023 as in the contract (the table: 2040); goals without a stated scope have a group of their own; the municipal organisation's own goals are left out."
            )
        case .colGoal: ("Mål", "Goal")
        case .colParty: ("Part", "Party")
        case .colNoYear: ("Utan år", "No year")
        case .colCut: ("Minskning", "Cut")
        case .colRateNow: ("Takt från 2020", "Rate from 2020")
        case .colRateBase: ("Takt från basår", "Rate from base year")
        case .colNotes: ("Oklarheter", "Ambiguities")
        case .flagScopeUnstated: ("scope ej angivet", "scope unstated")
        case .flagBasisUnstated: ("ej angivet om absolut eller per invånare", "absolute or per capita unstated")
        case .flagProposed: ("förslag, ej beslutat", "proposed, not adopted")
        case .flagNoNumber: ("målord utan siffra", "goal word with no number")
        case .flagFromWord: ("minskningen tolkad från målordet", "cut read from the goal word")
        case .flagInterim: ("delmål", "interim target")
        case .flagRateNeedsBase:
            (
                "minskning mot basåret: ingen takt från 2020 utan 2020 års utsläpp (tabellen ordnar ändå efter den)",
                "cut against its base year: no rate from 2020 without the 2020 emissions (the table still orders by it)"
            )
        case .labelPerCapitaLevel: ("{0} CO₂e per invånare", "{0} CO₂e per inhabitant")
        case .labelCutVsBase: ("{0} mot {1}", "{0} vs {1}")
        case .labelCut: ("{0}", "{0}")
        case .labelRateGoal: ("{0} per år", "{0} a year")
        case .labelBudget: ("koldioxidbudget {0} t CO₂e", "carbon budget {0} t CO₂e")
        case .areaCity: ("staden", "the city")
        case .areaOrganisation: ("kommunorganisationen", "the municipal organisation")
        case .sectorLabel: ("sektor: {0}", "sector: {0}")
        case .chartHeading: ("Minskningsbanor", "Reduction trajectories")
        case .chartIntro:
            (
                "Varje kommuns starkaste beslutade mål i scope 1–2 som en årlig minskningstakt från 2020 (100 %) till målåret, jämfört med Carbon Law, en rättvis andel för rika kommuner och Klimatkollens takt, och Sveriges och EU:s år för netto-noll (jfr figur 4.1.1 och 4.1.2 i rapporten). Mål om 100 % räknas som −90 % (rapportens tolkning av nära noll), eftersom en minskning på 100 % inte har någon ändlig takt.",
                "Each municipality's strongest adopted scope 1-2 goal as an annual reduction rate from 2020 (100 %) to its target year, against the Carbon Law, a fair share for rich municipalities, Klimatkollen's rate, and Sweden's and the EU's net-zero years (compare figures 4.1.1 and 4.1.2 of the report). Goals of 100 % are drawn as −90 % (the report's reading of near zero), since a 100 % cut has no finite rate."
            )
        case .chartTitle: ("Utsläpp jämfört med 2020", "Emissions relative to 2020")
        case .chartCarbonLaw: ("Carbon Law {0}", "Carbon Law {0}")
        case .chartFairShare: ("Rättvis andel {0}–{1}", "Fair share {0}–{1}")
        case .chartKlimatkollen: ("Klimatkollen {0}", "Klimatkollen {0}")
        case .chartSweden: ("Sverige netto-noll {0}", "Sweden net zero {0}")
        case .chartEU: ("EU klimatneutralt {0}", "EU climate-neutral {0}")
        case .chartYearAxis: ("År", "Year")
        case .chartLevelAxis: ("Utsläpp, % av 2020", "Emissions, % of 2020")
        case .chartProposed: ("streckad linje: förslag", "dashed line: proposed")
        case .chartNoGoal: ("Ingen kommun har ett mål som kan ritas.", "No municipality has a goal that can be drawn.")
        case .chartGoalUsed: ("Mål i diagrammet", "Goals in the chart")
        case .gapsHeading: ("Öppna glapp", "Open gaps")
        case .gapsIntro:
            (
                "Glapp mellan nivåerna som navet har hittat och som fortfarande gäller, med underlag och hur länge de varit öppna.",
                "Gaps between levels the hub has found that still hold, with their evidence and how long they have been open."
            )
        case .gapsNone: ("Inga öppna glapp.", "No open gaps.")
        case .gapsByKindParty: ("Öppna glapp per typ och part", "Open gaps by kind and party")
        case .colKind: ("Typ", "Kind")
        case .colCount: ("Antal", "Count")
        case .colSummary: ("Beskrivning", "Description")
        case .colEvidence: ("Underlag", "Evidence")
        case .colAge: ("Öppet", "Open for")
        case .colRecommendation: ("Rekommendation", "Recommendation")
        case .colOpened: ("Öppnat", "Opened")
        case .colResolved: ("Stängt", "Closed")
        case .colParties: ("Parter", "Parties")
        case .total: ("Totalt", "Total")
        case .engineText: ("Samma iakttagelse som analysmotorn formulerar den (på engelska)", "Engine text")
        case .closedSinceRevision: ("Glapp som stängts sedan revision {0}", "Gaps closed since revision {0}")
        case .closedLastYear: ("Glapp som stängts det senaste året", "Gaps closed in the last year")
        case .closedNone: ("Inga glapp har stängts.", "No gaps were closed.")
        case .barriersHeading: ("Regelhinder", "Regulatory barriers")
        case .barriersNone: ("Inga regelhinder är rapporterade.", "No regulatory barriers are reported.")
        case .colBarrier: ("Hinder", "Barrier")
        case .colReportedBy: ("Rapporterat av", "Reported by")
        case .colAgency: ("Ansvarig myndighet", "Responsible agency")
        case .colStatus: ("Status", "Status")
        case .colChangeLevel: ("Kan ändras på nivå", "Can be changed at")
        case .noAgency: ("ingen ännu", "none yet")
        case .labsHeading: ("Policylabb", "Policy labs")
        case .labsNone: ("Inga policylabb är öppnade.", "No policy labs have been opened.")
        case .colLab: ("Labb", "Lab")
        case .partiesHeading: ("Per part", "By party")
        case .partySections: ("Kontraktets avsnitt 3.1–3.8", "Contract sections 3.1–3.8")
        case .partyOtherSections: ("Övriga avsnitt", "Other sections")
        case .colSection: ("Avsnitt", "Section")
        case .colContent: ("Innehåll", "Content")
        case .notStated: ("inte uppgivet", "not stated")
        case .partyMissing: ("Det som saknas", "What is missing")
        case .partyMissingNone: ("Alla avsnitt 3.1–3.8 är beskrivna.", "All of sections 3.1–3.8 are described.")
        case .partyMissingItem: ("{0} {1}: {2}", "{0} {1}: {2}")
        case .partyGoals: ("Mål", "Goals")
        case .partyNoGoals: ("Inga mål är angivna.", "No goals are stated.")
        case .partyGaps: ("Glapp", "Gaps")
        case .partyNoGaps: ("Inga öppna glapp.", "No open gaps.")
        case .partyHubs: ("Regional samverkan och nätverk", "Regional hubs and networks")
        case .partyPlatforms: ("Rapporterar till", "Reports to")
        case .partyRegion: ("Län/region", "County/region")
        case .partyPopulation: ("Invånare", "Inhabitants")
        case .diffHeading: ("Ändringar från revision {0} till revision {1}", "Changes from revision {0} to revision {1}")
        case .diffNoChanges: ("Inga ändringar.", "No changes.")
        case .diffGeneral: ("Hela programmet", "Programme-wide")
        case .diffGoalAdded: ("mål tillagt: {0}", "goal added: {0}")
        case .diffGoalWithdrawn: ("mål tillbakadraget: {0}", "goal withdrawn: {0}")
        case .diffGoalAdopted: ("mål antaget (var förslag): {0}", "goal adopted (was proposed): {0}")
        case .diffGoalTightened: ("mål skärpt: {0} ({1})", "goal tightened: {0} ({1})")
        case .diffGoalLoosened: ("mål försvagat: {0} ({1})", "goal loosened: {0} ({1})")
        case .diffGoalChanged: ("mål ändrat: {0} ({1})", "goal changed: {0} ({1})")
        case .diffSectionAdded: ("avsnitt {0} tillagt: {1}", "section {0} added: {1}")
        case .diffSectionRemoved: ("avsnitt {0} borttaget", "section {0} removed")
        case .diffSectionStatus: ("avsnitt {0}: {1} → {2}", "section {0}: {1} → {2}")
        case .diffSectionText: ("avsnitt {0}: texten ändrad", "section {0}: text changed")
        case .diffBarrierReported: ("hinder rapporterat: {0}", "barrier reported: {0}")
        case .diffBarrierStatus: ("hinder {0}: {1} → {2}", "barrier {0}: {1} → {2}")
        case .diffBarrierAgency: ("hinder {0}: ansvarig myndighet {1}", "barrier {0}: responsible agency {1}")
        case .diffBarrierRemoved: ("hinder borttaget: {0}", "barrier removed: {0}")
        case .diffRoadmapAdded: ("färdplan publicerad: {0}", "roadmap published: {0}")
        case .diffRoadmapRemoved: ("färdplan borttagen: {0}", "roadmap removed: {0}")
        case .diffRoadmapChanged: ("färdplan ändrad: {0} ({1})", "roadmap changed: {0} ({1})")
        case .diffMilestones: ("milstolpar {0} → {1}", "milestones {0} → {1}")
        case .diffText: ("texten", "the text")
        case .diffMembershipJoined: ("gick med i {0}", "joined {0}")
        case .diffMembershipLeft: ("lämnade {0}", "left {0}")
        case .diffLabOpened: ("policylabb öppnat: {0}", "policy lab opened: {0}")
        case .diffLabClosed: ("policylabb stängt: {0}", "policy lab closed: {0}")
        case .diffClaimAdded: ("tar ansvar för {0}", "takes responsibility for {0}")
        case .diffClaimRemoved: ("släpper ansvaret för {0}", "gives up responsibility for {0}")
        case .diffAreaAdded: ("investeringsområde: {0}", "investment area: {0}")
        case .diffGapsOpened: ("Glapp som öppnats", "Gaps opened")
        case .diffGapsClosed: ("Glapp som stängts", "Gaps closed")
        case .diffTargetYear: ("målår {0} → {1}", "target year {0} → {1}")
        case .diffRate: ("takt {0} → {1}", "rate {0} → {1}")
        case .diffWord: ("målord {0} → {1}", "goal word {0} → {1}")
        case .diffNumber: ("{0} → {1}", "{0} → {1}")
        case .gapSentenceGovernance:
            (
                "{0} behöver insatser på {1} nivå för ”{2}”, men ingen part där har tagit ansvar, eller flera har gjort det.",
                "{0} needs action at {1} level on “{2}”, but no party there has taken responsibility, or several have."
            )
        case .gapSentencePolicyLab:
            (
                "Regelhindret ”{0}” blockerar {1}; inget policylabb prövar ännu en ändrad regel.",
                "The barrier “{0}” blocks {1}; no policy lab is yet testing a changed rule."
            )
        case .gapSentenceRoadmap:
            (
                "Färdplanen ”{0}” siktar på ett annat år än den nivå den bygger på.",
                "The roadmap “{0}” aims at a different year than the level it builds on."
            )
        case .gapSentenceAmbition:
            (
                "{0}s mål ”{1}” ligger senare eller lägre än nivån ovanför eller referenstakten.",
                "{0}'s goal “{1}” is later or lower than the level above or the reference rate."
            )
        case .gapSentenceDefinition:
            (
                "{0}s mål ”{1}” går inte att jämföra fullt ut (se underlaget).",
                "{0}'s goal “{1}” cannot be fully compared (see the evidence)."
            )
        case .gapSentenceReporting:
            (
                "{0}s kontrakt: {1} ({2}) är inte beskrivet, eller indikator för konsumtionens utsläpp saknas.",
                "{0}'s contract: {1} ({2}) is not described, or an indicator for consumption emissions is missing."
            )
        case .gapSentenceJointScope3:
            (
                "{0} har mål för konsumtionens utsläpp (scope 3) men ingen indikator att följa upp dem med: ett gemensamt problem för {1} att lösa tillsammans med kommunerna.",
                "{0} have consumption (scope-3) goals but no indicator to follow them up: a joint problem for {1} to solve with the municipalities."
            )
        case .gapSentenceJointReporting:
            (
                "Gemensamt för alla kontrakten: {0} saknas eller har inget beskrivet (se rapportens iakttagelse i underlaget).",
                "Common to all the contracts: {0} is missing or has nothing described (see the report's finding in the evidence)."
            )
        case .gapSentenceJointRegionalHub:
            (
                "Gemensamt för alla kontrakten: syftet med avsnitt 3.7, kommunerna som regionala innovationsnav, är oklart.",
                "Common to all the contracts: the purpose of section 3.7, the municipalities as regional innovation hubs, is unclear."
            )
        case .gapSentenceDelivery:
            (
                "{0}: utsläppen minskar långsammare än målet kräver, eller en sektor som andra nivåer styr dominerar ({1}).",
                "{0}: emissions fall more slowly than the goal requires, or a sector other levels decide dominates ({1})."
            )
        case .gapSentenceRegionalHub:
            (
                "{0}: avsnitt 3.7 om regionalt innovationsnav saknas, eller en regional samverkan har medlemmar utan klimatmål eller klimatplan.",
                "{0}: no section 3.7 on the regional innovation hub, or the hub lacks members with climate goals."
            )
        case .englishTextNote:
            (
                "Parternas egna texter (mål, sammanfattningar, hinder) visas på svenska, med rapportens ord där rapporten har dem.",
                "The parties' own texts (goals, summaries, barriers) are shown in English where a translation exists, else in Swedish as sent to the hub."
            )
        case .perInhabitant: ("per invånare", "per inhabitant")
        case .wordClimateSmart: ("klimatsmart", "climate-smart")
        case .wordReducedConsumptionImpact: ("minskad klimatpåverkan från konsumtionen", "reduced climate impact from consumption")
        case .wordWellOnTheWay:
            ("konsumtionens utsläpp på god väg till en hållbar nivå", "consumption emissions well on the way to a sustainable level")
        case .wordFossilFree: ("fossilfritt", "fossil-free")
        case .wordRenewable: ("100 % förnybar energi", "100 % renewable energy")
        case .wordNearZero: ("nära noll (tolkat som −90 %)", "near zero (read as −90 %)")
        case .wordZero: ("noll", "zero")
        case .wordClimateNeutral: ("klimatneutralt / nettonoll", "climate-neutral / net zero")
        case .wordNoNegativeImpact: ("ingen negativ klimatpåverkan", "no negative climate impact")
        case .wordClimatePositive: ("klimatpositivt", "climate-positive")
        case .kindGovernance: ("Oklart ansvar mellan nivåer", "Governance gap")
        case .kindPolicyLab: ("Kandidat för policylabb", "Policy-lab candidate")
        case .kindRoadmap: ("Färdplaner i otakt", "Roadmap misalignment")
        case .kindAmbition: ("Ambitionsglapp", "Ambition gap")
        case .kindDefinition: ("Otydligt mål", "Definition gap")
        case .kindReporting: ("Redovisning eller uppföljning saknas", "Reporting gap")
        case .kindRegionalHub: ("Glapp i regional samverkan", "Regional-hub gap")
        case .kindDelivery: ("Löfte och utfall går isär", "Delivery gap")
        case .explainGovernance:
            (
                "En part säger att ett område behöver insatser på en annan nivå, men ingen part på den nivån har tagit ansvar för det, eller flera har gjort det.",
                "A party says an area needs action at another level, but no party at that level has taken responsibility for it, or several have."
            )
        case .explainPolicyLab:
            (
                "Ett regelhinder blockerar lokala investeringar och inget policylabb prövar ännu en ändrad regel.",
                "A regulatory barrier blocks local investment and no policy lab is yet testing a changed rule."
            )
        case .explainRoadmap:
            (
                "En färdplan siktar på ett annat år än den färdplan eller det mål den bygger på.",
                "A roadmap aims at a different year than the roadmap or goal it builds on."
            )
        case .explainAmbition:
            (
                "Ett mål ligger senare eller lägre än nivån ovanför (Sveriges 2045, EU:s 2050) eller under referenstakten.",
                "A goal is later or lower than the level above (Sweden's 2045, the EU's 2050) or below the reference rate."
            )
        case .explainDefinition:
            (
                "Ett mål går inte att jämföra: det saknar siffra, scope, basår eller anger inte om det gäller per invånare, eller bygger på negativa utsläpp utan plan för kolinlagring.",
                "A goal cannot be compared: it lacks a number, scope or base year, does not say whether it is per inhabitant, or relies on negative emissions without a carbon-storage plan."
            )
        case .explainReporting:
            (
                "Kontraktet beskriver ingenting under ett av avsnitten 3.1–3.8 (till exempel uppföljningen, 3.8) eller om klimatanpassning, det saknas en indikator för konsumtionens utsläpp, eller kommunens mål är inte kända.",
                "The contract describes nothing under one of sections 3.1-3.8 (follow-up, 3.8, for example) or on climate adaptation, there is no indicator for consumption emissions, or the municipality's goals are not known."
            )
        case .explainDelivery:
            (
                "Målet kräver snabbare minskning än den uppmätta takten (minstakvadratlinje för ln(utsläpp) 2015–2023, Nationella emissionsdatabasen), eller en sektor som styrs på nationell nivå eller EU-nivå dominerar utsläppen.",
                "The goal requires a faster cut than the measured pace (least-squares line of ln(emissions) 2015-2023, Nationella emissionsdatabasen), or a sector decided at national or EU level dominates the emissions."
            )
        case .explainRegionalHub:
            (
                "Kommunens kontrakt saknar avsnitt 3.7 om att vara regionalt innovationsnav, eller så har en regional samverkan (ett innovationsnav eller ett län) medlemmar utan klimatmål eller klimatplan.",
                "The municipality has no section 3.7 on being a regional innovation hub, or a regional hub has members without climate goals."
            )
        case .sectionGoals: ("klimatmål", "climate goals")
        case .sectionStrategy: ("strategi", "strategy")
        case .sectionOrganisation: ("organisation och ledarskap", "organisation and leadership")
        case .sectionCollaboration:
            (
                "samverkan med näringsliv, akademi, medborgare och civilsamhälle",
                "collaboration with business, academia, citizens and civil society"
            )
        case .sectionInvestmentPlan: ("klimatinvesteringsplan", "climate investment plan")
        case .sectionDigitalSupport: ("digitalt stöd", "digital support")
        case .sectionRegionalHub: ("kommunen som regionalt innovationsnav", "the municipality as regional innovation hub")
        case .sectionReporting: ("rapportering och uppföljning", "reporting and follow-up")
        case .sectionLocalActors: ("gemensamt projekt: lokal aktörssamverkan", "joint project: local actor collaboration")
        case .sectionLongTermInvestment:
            ("gemensamt projekt: långsiktig klimatinvesteringsplan", "joint project: long-term climate investment plan")
        case .sectionDigitalTools: ("gemensamt projekt: digitala verktyg", "joint project: digital tools")
        case .sectionAdaptation: ("klimatanpassning", "climate adaptation")
        case .statusDescribed: ("beskrivet", "described")
        case .statusGeneral: ("bara den gemensamma texten", "general text only")
        case .statusNothingDescribed: ("rubrik utan innehåll", "heading, nothing described")
        case .statusAbsent: ("saknas", "absent")
        case .barrierReported: ("rapporterat", "reported")
        case .barrierAcknowledged: ("bekräftat", "acknowledged")
        case .barrierAssigned: ("tilldelat", "assigned")
        case .barrierResolved: ("löst", "resolved")
        case .labOpen: ("öppet", "open")
        case .labClosed: ("stängt", "closed")
        case .partyMunicipality: ("kommun", "municipality")
        case .partyAgency: ("myndighet", "agency")
        case .partyRegionalHub: ("regional samverkan", "regional hub")
        case .partyRoadmapOwner: ("färdplansägare", "roadmap owner")
        case .partyCoordinator: ("programkoordinator", "programme coordinator")
        case .partyReference: ("referensnivå", "reference level")
        case .levelLocal: ("lokal", "local")
        case .levelRegional: ("regional", "regional")
        case .levelNational: ("nationell", "national")
        case .levelEU: ("EU", "EU")
        case .levelIndustry: ("bransch", "industry")
        case .scope12: ("Scope 1–2", "Scope 1–2")
        case .scope123: ("Scope 1–2–3 (inklusive konsumtion)", "Scope 1–2–3 (including consumption)")
        case .scopeUnstatedGroup: ("Scope ej angivet", "Scope not stated")
        case .changeOpened: ("öppnat", "opened")
        case .changeChanged: ("ändrat", "changed")
        case .changeResolved: ("stängt", "closed")
        case .englishLabel: ("på engelska", "in English")
        case .kindsHeading: ("Vad typerna av glapp betyder", "What the kinds of gap mean")
        case .colLevel: ("Nivå", "Level")
        case .statusOpen: ("öppet", "open")
        case .statusClosed: ("stängt", "closed")
        case .navOverview: ("Översikt", "Overview")
        case .navGoals: ("Mål och banor", "Goals and trajectories")
        case .navGaps: ("Glapp", "Gaps")
        case .navBarriers: ("Hinder och policylabb", "Barriers and policy labs")
        case .navParties: ("Parter", "Parties")
        case .navRevisions: ("Revisioner", "Revisions")
        case .overviewOpen: ("Öppna glapp", "Open gaps")
        case .overviewResolved: ("Stängda glapp", "Resolved gaps")
        case .overviewByKind: ("Öppna glapp per typ", "Open gaps by kind")
        case .liveHeading: ("Nya händelser (live)", "Latest events (live)")
        case .liveNone: ("Inga händelser sedan sidan öppnades.", "No events since the page opened.")
        case .liveConnected: ("Live: ansluten till navet", "Live: connected to the hub")
        case .liveDisconnected: ("Live: inte ansluten", "Live: not connected")
        case .liveNoHub: ("Live: inget nav angivet (--hub)", "Live: no hub given (--hub)")
        case .dashboardFooter: ("Skrivskyddad vy av navets databas.", "Read-only view of the hub's database.")
        case .notFound: ("Sidan finns inte.", "No such page.")
        case .filterAll: ("Alla", "All")
        case .filterResolved: ("Visa stängda", "Show resolved")
        case .filterApply: ("Filtrera", "Filter")
        case .gapsNoneMatch: ("Inga glapp matchar filtret.", "No gaps match the filter.")
        case .gapsCSV: ("Ladda ner CSV för andra program (kommaseparerad)", "Download CSV for programs (comma-separated)")
        case .gapsExcel: ("Ladda ner för Excel (semikolonseparerad)", "Download for Excel (semicolon-separated)")
        case .revisionsHeading: ("Stängda revisioner", "Closed revisions")
        case .revisionsIntro:
            (
                "Koordinatorn stänger en revision av kontrakten varje år; navet sparar då allt parterna sagt och de glapp som var öppna. Välj två revisioner för att se vad som ändrats mellan dem.",
                "The coordinator closes a revision of the contracts every year; the hub then keeps everything the parties have said and the gaps open at that moment. Choose two revisions to see what changed between them."
            )
        case .colRevision: ("Revision", "Revision")
        case .colDate: ("Datum", "Date")
        case .colTitle: ("Rubrik", "Title")
        case .colClosedAt: ("Stängd i navet", "Closed at the hub")
        case .colOpenAtClosing: ("Öppna glapp vid stängningen", "Open gaps at closing")
        case .diffFrom: ("Från", "From")
        case .diffTo: ("Till", "To")
        case .diffShow: ("Visa ändringar", "Show changes")
        case .diffUnknown: ("Revisionen {0} finns inte. Stängda revisioner: {1}.", "There is no revision {0}. Closed revisions: {1}.")
        case .followUpHeading: ("Uppföljning", "Follow-up")
        case .followUpNone: ("Ingen har följt upp glappet ännu.", "Nobody has followed up the gap yet.")
        case .followUpStatusNew: ("inte uppföljt", "not followed up")
        case .followUpStatusAcknowledged: ("kvitterat", "acknowledged")
        case .followUpStatusAssigned: ("tilldelat", "assigned")
        case .followUpStatusDismissed: ("avfärdat", "dismissed")
        case .followUpStatusReopened: ("öppnat igen efter avfärdande", "re-opened after dismissal")
        case .followUpAssigned: ("tilldelat {0} ({1})", "assigned to {0} ({1})")
        case .followUpDue: ("senast {0}", "due {0}")
        case .followUpOverdue: ("försenat", "overdue")
        case .followUpDismissReason: ("avfärdat: {0}", "dismissed: {0}")
        case .stepAcknowledge: ("{0} kvitterade glappet", "{0} acknowledged the gap")
        case .stepAssign: ("{0} tilldelade glappet till {1} ({2})", "{0} assigned the gap to {1} ({2})")
        case .stepComment: ("{0} kommenterade", "{0} commented")
        case .stepDismiss: ("{0} avfärdade glappet", "{0} dismissed the gap")
        case .stepUndismiss: ("{0} tog tillbaka avfärdandet", "{0} took the dismissal back")
        case .stepOpened: ("Fakta öppnade glappet", "The facts opened the gap")
        case .stepChanged: ("Nya fakta ändrade glappet", "New facts changed the gap")
        case .stepResolved: ("Fakta stängde glappet", "The facts closed the gap")
        case .filterAssignedTo: ("Tilldelat", "Assigned to")
        case .filterOverdue: ("Försenade", "Overdue")
        case .filterDismissed: ("Avfärdade", "Dismissed")
        case .gapPageLink: ("Visa glappets historik", "Show the gap's history")
        case .followUpIntro:
            (
                "Glapp som koordinatorn har följt upp: tilldelade, försenade (förfallodagen har passerat), avfärdade som inte verkliga glapp och sådana som fakta har öppnat igen efter att de avfärdats.",
                "Gaps the coordinator has followed up: assigned, overdue (the due date has passed), dismissed as not real gaps, and those the facts opened again after they were dismissed."
            )
        case .followUpAssignedHeading: ("Tilldelade", "Assigned")
        case .followUpReopenedHeading: ("Öppnade igen efter avfärdande", "Re-opened after dismissal")
        }
    }
}
