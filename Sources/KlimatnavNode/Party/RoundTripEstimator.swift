/// The smoothed time from sending a message to its answer, as TCP estimates it (RFC 6298:
/// smoothed round trip plus four times its mean deviation). A link waits at least this long
/// before it resends, so a hub that is only slow, with a long queue under load, is not
/// flooded with copies of messages it already holds. Samples come from messages answered
/// on their first attempt only (Karn's rule: an answer to a resent message is ambiguous).
struct RoundTripEstimator: Sendable {
    /// Smoothed round trip, seconds; `nil` before the first sample.
    private(set) var smoothed: Double?
    private var deviation = 0.0

    mutating func add(_ sample: Double) {
        guard sample >= 0 else { return }
        if let smoothed {
            deviation = 0.75 * deviation + 0.25 * abs(smoothed - sample)
            self.smoothed = 0.875 * smoothed + 0.125 * sample
        } else {
            smoothed = sample
            deviation = sample / 2
        }
    }

    /// The resend timeout it suggests, seconds; `nil` before the first sample.
    var timeout: Double? { smoothed.map { $0 + 4 * deviation } }
}
