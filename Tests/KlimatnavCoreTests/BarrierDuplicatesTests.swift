import Testing

@testable import KlimatnavCore

@Suite struct BarrierDuplicatesTests {
    func barrier(_ id: String, title: String? = nil, instrument: String? = nil, topics: [String] = []) -> RegulatoryBarrier {
        RegulatoryBarrier(
            id: id, title: title ?? id, instrument: instrument, changeLevel: .national, reportedBy: ["lund"], affectedTopics: topics)
    }

    @Test func sameInstrumentOrTitleIsPointedOut() {
        let pairs = BarrierDuplicates.find(in: [
            barrier("b", instrument: "Plan- och  bygglagen"), barrier("a", instrument: "plan- och bygglagen"),
            barrier("c", title: "Tillstånd för vätgas"), barrier("d", title: "tillstånd för  vätgas"),
        ])
        #expect(pairs.map(\.barrier) == ["b", "d"])
        #expect(pairs[0].duplicateOf == "a" && pairs[0].reason.contains("same instrument"))
        #expect(pairs[1].duplicateOf == "c" && pairs[1].description.contains("same title"))
    }

    @Test func differentRulesThatBlockOneTopicAreNotPointedOut() {
        #expect(
            BarrierDuplicates.find(in: [
                barrier("a", instrument: "PBL", topics: ["ccs"]), barrier("b", instrument: "Miljöbalken", topics: ["ccs"]),
            ]).isEmpty)
    }
}
