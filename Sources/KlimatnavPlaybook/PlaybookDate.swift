import Foundation

/// Playbook dates: `2021-10-01` (midnight UTC) or a date-time such as `2022-03-01T09:30:00Z`
/// (`T` or a space between; seconds and fraction optional; `Z`, `+hh:mm` or nothing = UTC).
/// Parsed and printed by hand so the result never depends on the machine's calendar or locale.
enum PlaybookDate {
    /// Parses `text`, or returns `nil` when it is not a date in one of the accepted forms.
    static func parse(_ text: String) -> Date? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        guard let year = digits(&s, 4), take(&s, "-"), let month = digits(&s, 2), take(&s, "-"),
            let day = digits(&s, 2), (1...12).contains(month), (1...daysIn(month, year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year, month, day)) * 86_400
        if s.isEmpty { return Date(timeIntervalSince1970: seconds) }
        guard take(&s, "T") || take(&s, "t") || take(&s, " "), let hour = digits(&s, 2), take(&s, ":"),
            let minute = digits(&s, 2), hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if take(&s, ":") {
            guard let second = digits(&s, 2), second < 60 else { return nil }
            seconds += Double(second)
            if take(&s, ".") {
                let fraction = s.prefix { $0.isASCII && $0.isNumber }
                guard !fraction.isEmpty, fraction.count <= 9, let value = Double("0." + fraction) else { return nil }
                s = s.dropFirst(fraction.count)
                seconds += value
            }
        }
        if s.isEmpty || take(&s, "Z") || take(&s, "z") {
            return s.isEmpty ? Date(timeIntervalSince1970: seconds) : nil
        }
        let sign: Double
        if take(&s, "+") { sign = 1 } else if take(&s, "-") { sign = -1 } else { return nil }
        guard let offsetHours = digits(&s, 2), offsetHours < 24 else { return nil }
        _ = take(&s, ":")
        let offsetMinutes = digits(&s, 2) ?? 0
        guard s.isEmpty, offsetMinutes < 60 else { return nil }
        return Date(timeIntervalSince1970: seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60))
    }

    /// `2021-10-01` for midnight UTC, else `2022-03-01T09:30:00Z` (with a fraction if any).
    static func format(_ date: Date) -> String {
        let total = date.timeIntervalSince1970
        let wholeSeconds = total.rounded(.down)
        let days = Int((wholeSeconds / 86_400).rounded(.down))
        let (y, m, d) = civilFromDays(days)
        let datePart = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        let secondOfDay = Int(wholeSeconds) - days * 86_400
        let fraction = total - wholeSeconds
        if secondOfDay == 0 && fraction == 0 { return datePart }
        var text = "\(datePart)T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if fraction > 0 {
            let micro = Int((fraction * 1_000_000).rounded())
            if micro > 0 && micro < 1_000_000 {
                var digits = pad(micro, 6)
                while digits.hasSuffix("0") { digits.removeLast() }
                text += "." + digits
            }
        }
        return text + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private static func digits(_ s: inout Substring, _ count: Int) -> Int? {
        let head = s.prefix(count)
        guard head.count == count, head.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(head) else { return nil }
        s = s.dropFirst(count)
        return value
    }

    private static func take(_ s: inout Substring, _ character: Character) -> Bool {
        guard s.first == character else { return false }
        s = s.dropFirst()
        return true
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }
}
