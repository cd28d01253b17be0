import KlimatnavCore

/// Reads the body of a `goal` event (the most frequent message by far) in one pass of a
/// ``JSONReader`` straight into a ``Goal``, without the index and the `Codable` machinery of
/// ``IndexDecoder``, which cost several µs a message on the hub.
///
/// It returns a goal only for a body the generic decoder accepts, and then the goal that
/// decoder returns: members of `Goal`'s synthesized `Decodable` conformance only, each at
/// most once, with the right JSON type, enum values and party ids checked by the types' own
/// initializers, every required member present. For anything else it returns `nil`, and
/// the caller decodes with the generic decoder, which reports the proper error. The
/// mutation tests hold it to that.
enum GoalBodyReader {
    /// The members of a goal body, in canonical order (the order ``GoalBodyWriter`` writes,
    /// so that a lookup starting after the previous member finds the next one at once).
    private static let keys: [[UInt8]] = [
        "annualRatePercent", "area", "areaName", "baseYear", "basis", "carbonBudgetTonnes",
        "carbonStoragePlan", "id", "interimOf", "orientation", "party", "perCapitaTonnes",
        "rateFromYear", "reductionPercent", "scope1EnergyOnly", "scopes", "sector", "source",
        "status", "targetYear", "text", "textEn", "word",
    ].map { Array($0.utf8) }

    /// The goal in `bytes`, or `nil` when only the generic decoder can tell.
    static func read(_ bytes: [UInt8]) -> Goal? {
        guard var reader = JSONReader(bytes), let goal = read(&reader), reader.isAtEnd() else { return nil }
        return goal
    }

    /// The goal in the object at the reader (a whole body, or a DELTA's nested one).
    static func read(_ reader: inout JSONReader) -> Goal? {
        var id: String?, party: PartyID?, orientation: GoalOrientation?, area: GoalArea?
        var basis: GoalBasis?, status: GoalStatus?, text: String?
        var areaName: String?, scopes: [Int]?, scope1EnergyOnly: Bool?, word: GoalWord?
        var reductionPercent: Double?, baseYear: Int?, perCapitaTonnes: Double?
        var annualRatePercent: Double?, rateFromYear: Int?, carbonBudgetTonnes: Double?
        var targetYear: Int?, sector: String?, interimOf: String?, carbonStoragePlan: Bool?
        var source: String?, textEn: String?
        var seen: UInt32 = 0
        var next = 0
        let keys = Self.keys
        guard var members = reader.beginObject() else { return nil }
        while let key = reader.nextKey(&members) {
            guard let field = field(of: key, in: reader, keys, from: next), seen & (1 << field) == 0 else { return nil }
            seen |= 1 << field
            next = field + 1
            switch field {
            case 0: guard let value = reader.double() else { return nil }; annualRatePercent = value
            case 1: guard let value = reader.string().flatMap(GoalArea.init(rawValue:)) else { return nil }; area = value
            case 2: guard let value = reader.string() else { return nil }; areaName = value
            case 3: guard let value = reader.integer(Int.self) else { return nil }; baseYear = value
            case 4: guard let value = reader.string().flatMap(GoalBasis.init(rawValue:)) else { return nil }; basis = value
            case 5: guard let value = reader.double() else { return nil }; carbonBudgetTonnes = value
            case 6: guard let value = reader.bool() else { return nil }; carbonStoragePlan = value
            case 7: guard let value = reader.string() else { return nil }; id = value
            case 8: guard let value = reader.string() else { return nil }; interimOf = value
            case 9: guard let value = reader.string().flatMap(GoalOrientation.init(rawValue:)) else { return nil }; orientation = value
            case 10: guard let value = reader.string().flatMap(PartyID.init) else { return nil }; party = value
            case 11: guard let value = reader.double() else { return nil }; perCapitaTonnes = value
            case 12: guard let value = reader.integer(Int.self) else { return nil }; rateFromYear = value
            case 13: guard let value = reader.double() else { return nil }; reductionPercent = value
            case 14: guard let value = reader.bool() else { return nil }; scope1EnergyOnly = value
            case 15: guard let value = reader.integers(limit: WireLimits.maxArrayCount) else { return nil }; scopes = value
            case 16: guard let value = reader.string() else { return nil }; sector = value
            case 17: guard let value = reader.string() else { return nil }; source = value
            case 18: guard let value = reader.string().flatMap(GoalStatus.init(rawValue:)) else { return nil }; status = value
            case 19: guard let value = reader.integer(Int.self) else { return nil }; targetYear = value
            case 20: guard let value = reader.string() else { return nil }; text = value
            case 21: guard let value = reader.string() else { return nil }; textEn = value
            default: guard let value = reader.string().flatMap(GoalWord.init(rawValue:)) else { return nil }; word = value
            }
        }
        guard members.closed, let id, let party, let orientation, let area, let basis, let status, let text else { return nil }
        return Goal(
            id: id, party: party, orientation: orientation, area: area, areaName: areaName, scopes: scopes,
            scope1EnergyOnly: scope1EnergyOnly, word: word, reductionPercent: reductionPercent,
            baseYear: baseYear, perCapitaTonnes: perCapitaTonnes, annualRatePercent: annualRatePercent,
            rateFromYear: rateFromYear, carbonBudgetTonnes: carbonBudgetTonnes, basis: basis,
            targetYear: targetYear, sector: sector, status: status, interimOf: interimOf,
            carbonStoragePlan: carbonStoragePlan, text: text, source: source, textEn: textEn)
    }

    /// The index in ``keys`` of `key`, looked up from `start` round to the beginning (in a
    /// canonical body the next member is the first one tried).
    private static func field(of key: Range<Int>, in reader: JSONReader, _ keys: [[UInt8]], from start: Int) -> Int? {
        for field in start..<keys.count where reader.key(key, is: keys[field]) { return field }
        for field in 0..<min(start, keys.count) where reader.key(key, is: keys[field]) { return field }
        return nil
    }
}
