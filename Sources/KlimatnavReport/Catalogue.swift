import Foundation
import KlimatnavCore

/// The language a report is written in.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case sv
    case en
}

/// Every user-facing string of the reports, in Swedish and English, and the number, date and
/// label formats of each language. Swedish uses a decimal comma and no-break spaces
/// ("11,72 %", "1,5 t", "19 000 000"); English a decimal point ("11.72%", "1.5 t").
///
/// Strings with placeholders use `{0}`, `{1}`, ...; fill them with ``format(_:_:)``.
public struct Catalogue: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    /// The string for `key` in this catalogue's language.
    public subscript(_ key: Key) -> String {
        let entry = Self.entry(key)
        return language == .sv ? entry.sv : entry.en
    }

    /// The string for `key` with `{0}`, `{1}`, ... replaced by `arguments`.
    public func format(_ key: Key, _ arguments: String...) -> String {
        Self.fill(self[key], arguments)
    }

    /// `text` with `{0}`, `{1}`, ... replaced by `arguments` (the Swedish genitive of a name
    /// ending in s keeps one s).
    static func fill(_ text: String, _ arguments: [String]) -> String {
        var text = text
        for (index, argument) in arguments.enumerated() {
            // Swedish genitive: "Borås mål", "Viable Cities mål", not "Boråss", "Citiess".
            if let last = argument.last, "sxzSXZ".contains(last) {
                text = text.replacingOccurrences(of: "{\(index)}s ", with: argument + " ")
            }
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    // MARK: Numbers and dates

    /// No-break space (between a number and its unit in Swedish, and as Swedish digit grouping).
    public static let noBreakSpace = "\u{00A0}"

    /// `value` with at most `decimals` decimals, trailing zeros dropped, digits grouped by
    /// thousands from 10 000 (Swedish: "19 000 000", "11,72"; English: "19,000,000", "11.72").
    /// Swedish negatives use the minus sign (U+2212).
    public func number(_ value: Double, decimals: Int = 2) -> String {
        var scale = 1.0
        for _ in 0..<max(decimals, 0) { scale *= 10 }
        let rounded = (abs(value) * scale).rounded() / scale
        var whole = rounded.rounded(.down)
        var fraction = ((rounded - whole) * scale).rounded()
        if fraction >= scale { whole += 1; fraction = 0 }
        var fractionText = ""
        if decimals > 0, fraction > 0 {
            fractionText = String(Int(fraction))
            fractionText = String(repeating: "0", count: max(0, decimals - fractionText.count)) + fractionText
            while fractionText.hasSuffix("0") { fractionText.removeLast() }
        }
        let digits = String(format: "%.0f", whole)
        var grouped = digits
        if digits.count >= 5 {
            let separator = language == .sv ? Self.noBreakSpace : ","
            var parts: [String] = []
            var rest = Substring(digits)
            while rest.count > 3 {
                parts.insert(String(rest.suffix(3)), at: 0)
                rest = rest.dropLast(3)
            }
            parts.insert(String(rest), at: 0)
            grouped = parts.joined(separator: separator)
        }
        let sign = value < 0 && (whole > 0 || fraction > 0) ? (language == .sv ? "\u{2212}" : "-") : ""
        let decimalSeparator = language == .sv ? "," : "."
        return sign + grouped + (fractionText.isEmpty ? "" : decimalSeparator + fractionText)
    }

    /// A whole number, grouped as in ``number(_:decimals:)``.
    public func integer(_ value: Int) -> String { number(Double(value), decimals: 0) }

    /// A percentage: "11,72 %" (Swedish, no-break space) or "11.72%" (English).
    public func percent(_ value: Double, decimals: Int = 2) -> String {
        number(value, decimals: decimals) + (language == .sv ? Self.noBreakSpace + "%" : "%")
    }

    /// A cut as a signed percentage: "−80 %" / "-80%".
    public func cut(_ percent: Double, decimals: Int = 1) -> String {
        self.percent(-percent, decimals: decimals)
    }

    /// An annual rate: "11,72 %/år" or "11.72%/yr".
    public func rate(_ value: Double, decimals: Int = 2) -> String {
        percent(value, decimals: decimals) + self[.unitPerYear]
    }

    /// Tonnes CO2e per inhabitant: "1,5 t" (with a no-break space in both languages).
    public func tonnes(_ value: Double) -> String {
        number(value, decimals: 2) + Self.noBreakSpace + "t"
    }

    /// A date as ISO 8601 (YYYY-MM-DD, UTC), the form used in Sweden too.
    public func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// "1 dag" / "3 dagar", "1 day" / "3 days".
    public func days(_ count: Int) -> String {
        format(count == 1 ? .dayOne : .dayMany, integer(count))
    }

    /// A list: "A, B och C" / "A, B and C".
    public func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " " + self[.and] + " " + items[items.count - 1]
        }
    }

    // MARK: Domain labels

    public func goalWord(_ word: GoalWord) -> String {
        let key: Key =
            switch word {
            case .climateSmart: .wordClimateSmart
            case .reducedConsumptionImpact: .wordReducedConsumptionImpact
            case .wellOnTheWay: .wordWellOnTheWay
            case .fossilFree: .wordFossilFree
            case .renewable: .wordRenewable
            case .nearZero: .wordNearZero
            case .zero: .wordZero
            case .climateNeutral: .wordClimateNeutral
            case .noNegativeImpact: .wordNoNegativeImpact
            case .climatePositive: .wordClimatePositive
            }
        return self[key]
    }

    public func gapKind(_ kind: GapKind) -> String {
        let key: Key =
            switch kind {
            case .governanceGap: .kindGovernance
            case .policyLabCandidate: .kindPolicyLab
            case .roadmapMisalignment: .kindRoadmap
            case .ambitionGap: .kindAmbition
            case .definitionGap: .kindDefinition
            case .reportingGap: .kindReporting
            case .regionalHubGap: .kindRegionalHub
            case .deliveryGap: .kindDelivery
            }
        return self[key]
    }

    /// A per-kind explanation sentence (what this kind of gap means), in this language.
    public func gapKindExplanation(_ kind: GapKind) -> String {
        let key: Key =
            switch kind {
            case .governanceGap: .explainGovernance
            case .policyLabCandidate: .explainPolicyLab
            case .roadmapMisalignment: .explainRoadmap
            case .ambitionGap: .explainAmbition
            case .definitionGap: .explainDefinition
            case .reportingGap: .explainReporting
            case .regionalHubGap: .explainRegionalHub
            case .deliveryGap: .explainDelivery
            }
        return self[key]
    }

    public func section(_ section: ContractSection) -> String {
        let key: Key =
            switch section {
            case .goals: .sectionGoals
            case .strategy: .sectionStrategy
            case .organisation: .sectionOrganisation
            case .collaboration: .sectionCollaboration
            case .investmentPlan: .sectionInvestmentPlan
            case .digitalSupport: .sectionDigitalSupport
            case .regionalHub: .sectionRegionalHub
            case .reporting: .sectionReporting
            case .localActorCollaboration: .sectionLocalActors
            case .longTermInvestmentPlan: .sectionLongTermInvestment
            case .digitalTools: .sectionDigitalTools
            case .adaptation: .sectionAdaptation
            }
        return self[key]
    }

    public func commitmentStatus(_ status: CommitmentStatus) -> String {
        let key: Key =
            switch status {
            case .described: .statusDescribed
            case .general: .statusGeneral
            case .nothingDescribed: .statusNothingDescribed
            case .absent: .statusAbsent
            }
        return self[key]
    }

    public func barrierStatus(_ status: BarrierStatus) -> String {
        let key: Key =
            switch status {
            case .reported: .barrierReported
            case .acknowledged: .barrierAcknowledged
            case .assigned: .barrierAssigned
            case .resolved: .barrierResolved
            }
        return self[key]
    }

    public func labStatus(_ status: PolicyLabStatus) -> String {
        self[status == .open ? .labOpen : .labClosed]
    }

    public func partyKind(_ kind: PartyKind) -> String {
        let key: Key =
            switch kind {
            case .municipality: .partyMunicipality
            case .agency: .partyAgency
            case .regionalHub: .partyRegionalHub
            case .roadmapOwner: .partyRoadmapOwner
            case .coordinator: .partyCoordinator
            case .reference: .partyReference
            }
        return self[key]
    }

    public func level(_ level: Level) -> String {
        let key: Key =
            switch level {
            case .local: .levelLocal
            case .regional: .levelRegional
            case .national: .levelNational
            case .eu: .levelEU
            case .industry: .levelIndustry
            }
        return self[key]
    }

    public func scopeGroup(_ group: GoalReading.ScopeGroup) -> String {
        let key: Key =
            switch group {
            case .scope12: .scope12
            case .scope123: .scope123
            case .unstated: .scopeUnstatedGroup
            }
        return self[key]
    }

    public func gapChange(_ change: GapChange) -> String {
        let key: Key =
            switch change {
            case .opened: .changeOpened
            case .changed: .changeChanged
            case .resolved: .changeResolved
            }
        return self[key]
    }
}
