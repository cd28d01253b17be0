import Testing

@testable import KlimatnavNode

@Suite struct RoundTripEstimatorTests {
    @Test func noTimeoutBeforeTheFirstAnswer() {
        #expect(RoundTripEstimator().timeout == nil)
    }

    @Test func theFirstSampleSetsTheTimeoutToThreeTimesIt() {
        var estimator = RoundTripEstimator()
        estimator.add(0.2)
        #expect(estimator.smoothed == 0.2)
        #expect(abs(estimator.timeout! - 0.6) < 1e-12)
    }

    @Test func aQueueBuildingUpRaisesTheTimeoutAndItSettlesBack() {
        var estimator = RoundTripEstimator()
        for _ in 0..<50 { estimator.add(0.01) }
        let calm = estimator.timeout!
        #expect(calm < 0.02)
        for _ in 0..<50 { estimator.add(1.5) }
        #expect(estimator.timeout! > 1.4, "slow answers: resends wait longer than they take")
        for _ in 0..<200 { estimator.add(0.01) }
        #expect(estimator.timeout! < 0.05)
    }

    @Test func negativeSamplesAreIgnored() {
        var estimator = RoundTripEstimator()
        estimator.add(-1)
        #expect(estimator.smoothed == nil)
    }
}
