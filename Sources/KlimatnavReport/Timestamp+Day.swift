import Foundation

extension Timestamp {
    /// The day of `date` in UTC, `YYYY-MM-DD`: what due dates are compared with.
    public static func day(_ date: Date) -> String {
        String(iso(date).prefix(10))
    }
}
