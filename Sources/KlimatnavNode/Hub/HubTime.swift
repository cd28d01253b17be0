import Foundation

/// The hub's sense of time: a `Clock` that paces its timer, and the dates its decisions are
/// stamped with. By default the dates are the system's wall clock; with a clock of a test's
/// own, dates follow that clock from the moment the hub was created, so a test moves both.
struct HubTime: Sendable {
    let clock: any Clock<Duration>
    /// The current date.
    let now: @Sendable () -> Date

    /// The continuous clock and the wall clock.
    static let system = HubTime(clock: ContinuousClock(), now: { Date() })

    private init(clock: any Clock<Duration>, now: @escaping @Sendable () -> Date) {
        self.clock = clock
        self.now = now
    }

    /// Time from `clock` alone: dates start at the wall clock's now and advance as `clock` does.
    init<C: Clock<Duration>>(clock: C) {
        let (start, date) = (clock.now, Date())
        self.init(clock: clock, now: { date.addingTimeInterval(Self.seconds(start.duration(to: clock.now))) })
    }

    /// `duration` in seconds.
    static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
