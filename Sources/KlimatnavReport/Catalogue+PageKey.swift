import KlimatnavCore

// The words of the emission pages (county, municipality, national overview) and of the
// accessibility statement, Swedish and English side by side. Kept apart from `Key` so that the
// pages can grow without touching the main string table.
extension Catalogue {
    /// Every string key of the emission and accessibility pages.
    public enum PageKey: String, Sendable, Hashable, CaseIterable {
        case navCounties, countiesHeading, countiesIntro, countiesNone, countiesMethod
        case colCounty, colMunicipalities, colWithPlan, colWithAnyGoal, colWithGoal, colOwnGoalsOnTrack, colNationalPath, colPace,
            colCarbonLawPace
        case colMunicipality, colLatest, colObserved, colRequired, colOwnGoals, colPlan, colYearReached, colPaceStatus, colNoGoal
        case countyMembers, countySummary, countyNoEmissions, countyChartNote
        case programmeHeading, programmeIntro, programmeNoGoal
        case answerYes, answerNo, paceOnTrack, paceBehind, paceMissed, paceNotComparable, paceNever, paceAlreadyReached
        case emissionsHeading, emissionsIntro, emissionsNone, emissionsLatest, emissionsLargest
        case emissionsChartTitle, emissionsDescription, chartDescriptionTrend, chartDescriptionNoTrend, emissionsAxis, emissionsYear
        case chartGoalPath, emissionsCarbonLaw, emissionsFairShare, chartObserved, emissionsTable, chartTableCaption, emissionsTotal,
            chartPathsCaption
        case trajectoryTable, trajectoryTableCaption, trajectoryDescription
        case skipToContent, accessibilityLink, accessibilityTitle, accessibilityBody
        case mapTitle, mapDescription, mapOnTrack, mapPerYear
        case sectorElectricity, sectorIndustry, sectorTransport, sectorMachinery, sectorOwnHeating, sectorAgriculture
        case sectorWaste, sectorProductUse, sectorInternational
    }

    /// The string for `key` in this catalogue's language.
    public subscript(_ key: PageKey) -> String {
        let entry = Self.entry(key)
        return language == .sv ? entry.sv : entry.en
    }

    /// The string for `key` with `{0}`, `{1}`, ... replaced by `arguments`.
    public func format(_ key: PageKey, _ arguments: String...) -> String {
        Self.fill(self[key], arguments)
    }

    /// A sector's name: the database's own Swedish label shortened, or its English name.
    public func sector(_ sector: EmissionSector) -> String {
        switch sector {
        case .electricityAndHeating: self[.sectorElectricity]
        case .industry: self[.sectorIndustry]
        case .transport: self[.sectorTransport]
        case .workMachinery: self[.sectorMachinery]
        case .ownHeating: self[.sectorOwnHeating]
        case .agriculture: self[.sectorAgriculture]
        case .waste: self[.sectorWaste]
        case .productUse: self[.sectorProductUse]
        case .internationalTransport: self[.sectorInternational]
        }
    }

    /// Tonnes as kilotonnes CO2e: "1 234,5 kt".
    public func kilotonnes(_ tonnes: Double) -> String {
        number(tonnes / 1000, decimals: tonnes >= 100_000 ? 0 : 1) + Self.noBreakSpace + "kt"
    }

    /// A yearly pace, signed as a change: "−4,1 %/år" when falling, "+0,3 %/år" when rising.
    public func pace(_ fallingPercent: Double) -> String {
        let text = rate(abs(fallingPercent), decimals: 1)
        return (fallingPercent >= 0 ? (language == .sv ? "\u{2212}" : "-") : "+") + text
    }

    /// The Swedish and English text of `key`.
    public static func entry(_ key: PageKey) -> (sv: String, en: String) {
        switch key {
        case .navCounties: ("Län", "Counties")
        case .countiesHeading: ("Län och kommuner: utsläpp mot mål", "Counties and municipalities: emissions against goals")
        case .countiesIntro:
            (
                "Per län: hur många kommuner som har en klimatplan och ett mål, hur många som minskar sina utsläpp tillräckligt snabbt för Sveriges mål och för sina egna mål, och i vilken takt länets sammanlagda utsläpp minskar.",
                "Per county: how many municipalities have a climate plan and a goal, how many cut their emissions fast enough for Sweden's goal and for their own goals, and how fast the county's total emissions fall."
            )
        case .countiesNone:
            (
                "Databasen har inga utsläppsuppgifter för län eller kommuner, så det finns ingen nationell översikt. Kör spelboken sverige för att få dem.",
                "The database has no emission figures for counties or municipalities, so there is no national overview. Run the sverige playbook to get them."
            )
        case .countiesMethod:
            (
                "Så räknar vi: den observerade takten är lutningen i en rak linje genom logaritmen av de territoriella utsläppen från {0} till senaste året (ett enstaka år påverkar den lite). Den krävda takten är den jämna årliga minskning som tar utsläppen från senaste året till målets nivå målåret. Minskningar räknas som högst {1} %, och målord läses mot {2}.",
                "How we count: the observed pace is the slope of a straight line through the logarithm of territorial emissions from {0} to the latest year (one odd year moves it little). The required pace is the even yearly cut that takes emissions from the latest year to the goal's level in its target year. Cuts count as at most {1} %, and goal words are read against {2}."
            )
        case .colCounty: ("Län", "County")
        case .colMunicipalities: ("Kommuner", "Municipalities")
        case .colWithPlan: ("Med klimatplan", "With a climate plan")
        case .colWithAnyGoal: ("Med mål", "With a goal")
        case .colWithGoal: ("Med jämförbart mål", "With a comparable goal")
        case .colOwnGoalsOnTrack: ("Följer egna mål", "On track for own goals")
        case .colNationalPath: ("Följer Sveriges mål", "On track for Sweden's goal")
        case .colPace: ("Observerad takt", "Observed pace")
        case .colCarbonLawPace: ("Minskar minst 7 %/år", "Falling at least 7 %/yr")
        case .colMunicipality: ("Kommun", "Municipality")
        case .colLatest: ("Utsläpp senaste året", "Emissions latest year")
        case .colObserved: ("Observerad takt", "Observed pace")
        case .colRequired: ("Krävd takt", "Required pace")
        case .colOwnGoals: ("Egna mål", "Own goals")
        case .colPlan: ("Klimatplan", "Climate plan")
        case .colYearReached: ("Nås i observerad takt", "Reached at the observed pace")
        case .colPaceStatus: ("Läge", "Status")
        case .colNoGoal: ("inget mål", "no goal")
        case .countyMembers: ("Kommunerna i {0}", "The municipalities of {0}")
        case .countySummary:
            (
                "{0} av {1} kommuner minskar utsläppen tillräckligt snabbt för Sveriges mål. {2} av {3} kommuner med ett jämförbart mål följer sina egna mål. {4} av {1} har en klimatplan och {5} av {1} har minst ett känt mål.",
                "{0} of {1} municipalities cut emissions fast enough for Sweden's goal. {2} of {3} municipalities with a comparable goal are on track for their own goals. {4} of {1} have a climate plan and {5} of {1} have at least one known goal."
            )
        case .countyNoEmissions:
            (
                "Det finns inga utsläppsuppgifter för medlemmarna, så takter och diagram saknas här.",
                "There are no emission figures for the members, so paces and charts are missing here."
            )
        case .countyChartNote:
            ("Diagrammet visar medlemmarnas sammanlagda utsläpp.", "The chart shows the members' emissions added together.")
        case .programmeHeading: ("{0}: observerad och krävd takt", "{0}: observed and required pace")
        case .programmeIntro:
            (
                "Varje mål hålls mot kommunens egna uppmätta utsläpp. Ett leveransglapp betyder att utsläppen minskar långsammare än målet kräver.",
                "Each goal is held against the municipality's own measured emissions. A delivery gap means emissions fall more slowly than the goal requires."
            )
        case .programmeNoGoal: ("Inget känt mål: {0}", "No goal known: {0}")
        case .answerYes: ("ja", "yes")
        case .answerNo: ("nej", "no")
        case .paceOnTrack: ("i fas", "on track")
        case .paceBehind: ("leveransglapp: {0} procentenheter per år för långsamt", "delivery gap: {0} percentage points a year too slow")
        case .paceMissed: ("målåret har passerat och nivån är inte nådd", "the target year has passed and the level is not reached")
        case .paceNotComparable: ("inte jämförbart", "not comparable")
        case .paceNever: ("aldrig", "never")
        case .paceAlreadyReached: ("redan nådd", "already reached")
        case .emissionsHeading: ("Utsläpp och mål", "Emissions and goals")
        case .emissionsIntro:
            (
                "Territoriella utsläpp per sektor enligt Nationella emissionsdatabasen, staplade, med banan varje mål kräver från senaste året, Carbon Law och en rättvis andel för rika kommuner.",
                "Territorial emissions by sector from Nationella emissionsdatabasen, stacked, with the path each goal requires from the latest year, the Carbon Law and a fair share for rich municipalities."
            )
        case .emissionsNone:
            (
                "Det finns inga utsläppsuppgifter för {0} i databasen, så här visas inget diagram.",
                "The database has no emission figures for {0}, so no chart is shown here."
            )
        case .emissionsLatest: ("Utsläpp {0}: {1} koldioxidekvivalenter.", "Emissions {0}: {1} CO2 equivalents.")
        case .emissionsLargest: ("Största sektor: {0} ({1}).", "Largest sector: {0} ({1}).")
        case .emissionsChartTitle:
            ("Utsläpp per sektor i {0} {1}–{2} och banorna mot målen", "Emissions by sector in {0} {1}–{2} and the paths to the goals")
        case .emissionsDescription:
            (
                "Staplade ytor visar utsläppen per sektor från {0} till {1}, i kiloton koldioxidekvivalenter. År {1} var de {2}, största sektor {3}.",
                "Stacked areas show emissions by sector from {0} to {1}, in kilotonnes of CO2 equivalents. In {1} they were {2}, the largest sector {3}."
            )
        case .chartDescriptionTrend: ("Observerad takt sedan {0}: {1}.", "Observed pace since {0}: {1}.")
        case .chartDescriptionNoTrend: ("För få år för en observerad takt.", "Too few years for an observed pace.")
        case .emissionsAxis: ("kt CO2e", "kt CO2e")
        case .emissionsYear: ("År", "Year")
        case .chartGoalPath: ("Mål: {0}", "Goal: {0}")
        case .emissionsCarbonLaw: ("Carbon Law ({0})", "Carbon Law ({0})")
        case .emissionsFairShare: ("Rättvis andel ({0} till {1})", "Fair share ({0} to {1})")
        case .chartObserved: ("Observerad takt fortsätter ({0})", "Observed pace continued ({0})")
        case .emissionsTable: ("Diagrammets siffror som tabell", "The chart's numbers as a table")
        case .chartTableCaption:
            (
                "Utsläpp per sektor och år i {0}, kiloton koldioxidekvivalenter",
                "Emissions by sector and year in {0}, kilotonnes of CO2 equivalents"
            )
        case .emissionsTotal: ("Totalt", "Total")
        case .chartPathsCaption:
            ("Banorna i diagrammet, kiloton koldioxidekvivalenter", "The paths in the chart, kilotonnes of CO2 equivalents")
        case .trajectoryTable: ("Diagrammets takter som tabell", "The chart's rates as a table")
        case .trajectoryTableCaption:
            ("Linjerna i diagrammet: årlig minskningstakt och slutår", "The lines of the chart: yearly reduction rate and final year")
        case .trajectoryDescription:
            (
                "Linjer från 100 % år {0}: varje kommuns mål som en jämn årlig minskning till målåret, jämfört med Carbon Law ({1}), Klimatkollens takt ({2}) och en rättvis andel ({3} till {4}). {5} kommuner visas.",
                "Lines from 100 % in {0}: each municipality's goal as an even yearly cut to its target year, against the Carbon Law ({1}), Klimatkollen's rate ({2}) and a fair share ({3} to {4}). {5} municipalities are shown."
            )
        case .mapTitle: ("Länen: hur snabbt utsläppen minskar", "The counties: how fast emissions fall")
        case .mapDescription:
            (
                "Varje län är en ruta, ungefär där länet ligger med norr uppåt. Färgen visar hur snabbt länets sammanlagda utsläpp minskar per år; texten hur många av länets kommuner som minskar tillräckligt snabbt för Sveriges mål. Tabellen nedanför har samma siffror.",
                "Each county is a square, roughly where it lies with north at the top. The colour shows how fast the county's total emissions fall a year; the text how many of its municipalities cut fast enough for Sweden's goal. The table below has the same figures."
            )
        case .mapOnTrack: ("{0} av {1} i fas", "{0} of {1} on track")
        case .mapPerYear: ("% minskning per år", "% cut a year")
        case .skipToContent: ("Hoppa till innehållet", "Skip to the content")
        case .accessibilityLink: ("Tillgänglighet", "Accessibility")
        case .accessibilityTitle: ("Tillgänglighetsredogörelse", "Accessibility statement")
        case .accessibilityBody:
            (
                """
                <p>Klimatnav ska gå att använda för alla. Den här redogörelsen beskriver hur instrumentpanelen och HTML-rapporten uppfyller lagen (2018:1937) om tillgänglighet till digital offentlig service (DOS-lagen) och standarden WCAG 2.1 nivå AA.</p>
                <h2>Hur tillgänglig är tjänsten?</h2>
                <p>Vi bedömer att tjänsten i huvudsak uppfyller WCAG 2.1 nivå AA. Sidorna har landmärken (sidhuvud, navigering, huvudinnehåll och sidfot), rubriker i ordning, etiketter på alla filter och en länk för att hoppa till innehållet. Allt går att nå med tangentbordet och fokus syns tydligt. Varje diagram har en rubrik, en beskrivning och en tabell med diagrammets siffror. Sidorna anger språk: svenska, och engelska för de texter parterna skickat på engelska.</p>
                <h2>Kända brister</h2>
                <ul><li>Parternas egna texter (mål, sammanfattningar, hinder) visas på engelska, som de skickats till navet. De är märkta som engelska så att skärmläsare uttalar dem rätt.</li>
                <li>Diagrammens färger skiljer sektorer och banor åt. Färgen är aldrig det enda sättet att läsa av dem: tabellen under varje diagram har samma siffror.</li>
                <li>Händelser som kommer live läses upp av skärmläsare bara som en ändrad statusrad; listan uppdateras utan att fokus flyttas.</li></ul>
                <h2>Hur vi har testat</h2>
                <p>Varje sida i instrumentpanelen, på svenska och engelska, granskas automatiskt med verktyget axe-core i en riktig webbläsare vid varje testkörning, med noll tillåtna brister på nivå A och AA. Automatiska test hittar inte allt, så vi tar gärna emot synpunkter.</p>
                <h2>Rapportera brister</h2>
                <p>Om något inte fungerar för dig, kontakta den som driver navet i din organisation. Du kan också anmäla till Myndigheten för digital förvaltning (Digg), som är tillsynsmyndighet för DOS-lagen.</p>
                """,
                """
                <p>Klimatnav is meant to be usable by everyone. This statement describes how the dashboard and the HTML report meet the Swedish Act (2018:1937) on accessibility to digital public services (DOS-lagen) and WCAG 2.1 level AA.</p>
                <h2>How accessible is the service?</h2>
                <p>We judge that the service largely meets WCAG 2.1 level AA. The pages have landmarks (header, navigation, main content and footer), headings in order, labels on every filter and a link to skip to the content. Everything can be reached with the keyboard and the focus is clearly visible. Every chart has a title, a description and a table of its numbers. The pages state their language: Swedish or English, and English for the texts the parties sent in English.</p>
                <h2>Known shortcomings</h2>
                <ul><li>The parties' own texts (goals, summaries, barriers) are shown in English, as they were sent to the hub. They are marked as English so that screen readers pronounce them right.</li>
                <li>The charts' colours tell sectors and paths apart. Colour is never the only way to read them: the table below each chart has the same numbers.</li>
                <li>Live events are announced by screen readers only as a changed status line; the list updates without moving the focus.</li></ul>
                <h2>How we tested</h2>
                <p>Every page of the dashboard, in Swedish and English, is checked automatically with axe-core in a real browser on every test run, with no violations at level A or AA allowed. Automatic tests do not find everything, so we welcome comments.</p>
                <h2>Report a problem</h2>
                <p>If something does not work for you, contact whoever runs the hub in your organisation. You can also report to the Agency for Digital Government (Digg), which supervises DOS-lagen.</p>
                """
            )
        case .sectorElectricity: ("El och fjärrvärme", "Electricity and district heating")
        case .sectorIndustry: ("Industri", "Industry")
        case .sectorTransport: ("Transporter", "Transport")
        case .sectorMachinery: ("Arbetsmaskiner", "Work machinery")
        case .sectorOwnHeating: ("Egen uppvärmning", "Own heating")
        case .sectorAgriculture: ("Jordbruk", "Agriculture")
        case .sectorWaste: ("Avfall och avlopp", "Waste and sewage")
        case .sectorProductUse: ("Produktanvändning", "Product use")
        case .sectorInternational: ("Utrikes transporter", "International transport")
        }
    }
}
