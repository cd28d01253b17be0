import KlimatnavCore

/// The body of a `goal` event (the most frequent message by far), written straight from the
/// ``Goal`` instead of through ``JSONWriter``: the same bytes, several
/// times cheaper.
///
/// The members are those of `Goal`'s synthesized `Encodable` conformance (absent optionals
/// omitted), in canonical order: sorted by the UTF-8 bytes of their keys, as
/// ``JSONBuffer/compare(_:_:)`` sorts them. The differential tests hold this to the
/// generic encoder byte for byte; a field added to `Goal` must be added here too.
enum GoalBodyWriter {
    /// The canonical body of `goal`, or `nil` when the generic encoder must write it (a value
    /// over the limits or a non-finite number: see ``FlatObjectWriter``).
    static func write(_ goal: Goal, limits: BodyLimits) -> [UInt8]? {
        var out = FlatObjectWriter(capacity: 256 + goal.text.utf8.count + (goal.textEn?.utf8.count ?? 0))
        out.double("annualRatePercent", goal.annualRatePercent)
        out.string("area", goal.area.rawValue)
        out.string("areaName", goal.areaName)
        out.integer("baseYear", goal.baseYear)
        out.string("basis", goal.basis.rawValue)
        out.double("carbonBudgetTonnes", goal.carbonBudgetTonnes)
        out.bool("carbonStoragePlan", goal.carbonStoragePlan)
        out.string("id", goal.id)
        out.string("interimOf", goal.interimOf)
        out.string("orientation", goal.orientation.rawValue)
        out.string("party", goal.party.rawValue)
        out.double("perCapitaTonnes", goal.perCapitaTonnes)
        out.integer("rateFromYear", goal.rateFromYear)
        out.double("reductionPercent", goal.reductionPercent)
        out.bool("scope1EnergyOnly", goal.scope1EnergyOnly)
        out.integers("scopes", goal.scopes, limit: limits.topArrayLimit)
        out.string("sector", goal.sector)
        out.string("source", goal.source)
        out.string("status", goal.status.rawValue)
        out.integer("targetYear", goal.targetYear)
        out.string("text", goal.text)
        out.string("textEn", goal.textEn)
        out.string("word", goal.word?.rawValue)
        return out.finish(maxBytes: limits.maxBytes)
    }
}
