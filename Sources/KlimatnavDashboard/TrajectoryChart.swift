import Foundation
import KlimatnavCore

/// An inline SVG of goal trajectories as a share of base-year emissions: a straight line from
/// 100 % in the base year to what is left in the target year for a percent cut, a curve for an
/// annual rate. Goals with neither are not drawn. Thin on purpose: the report's charts replace it.
struct TrajectoryChart {
    let goals: [Goal]
    let names: (PartyID) -> String

    static let palette = ["#1f6f4a", "#b5542a", "#2d5fa8", "#8a5bb0", "#c28b00", "#2a8f8f", "#a33b5b", "#5b6b62"]

    func svg() -> String? {
        var series: [(label: String, points: [(Int, Double)])] = []
        for goal in goals {
            if let cut = goal.reductionPercent, let base = goal.baseYear, let target = goal.targetYear, target > base {
                series.append((names(goal.party) + " · " + goal.id, [(base, 100), (target, max(0, 100 - cut))]))
            } else if let rate = goal.annualRatePercent, let from = goal.rateFromYear {
                let end = goal.targetYear ?? 2045
                guard end > from else { continue }
                let points = stride(from: from, through: end, by: 1).map { ($0, 100 * pow(1 - rate / 100, Double($0 - from))) }
                series.append((names(goal.party) + " · " + goal.id, points))
            }
        }
        guard !series.isEmpty else { return nil }
        let years = series.flatMap { $0.points.map(\.0) }
        let minYear = min(years.min() ?? 1990, 2020) / 5 * 5
        let maxYear = max(years.max() ?? 2045, 2030)
        let width = 760.0, height = 300.0, left = 44.0, right = 250.0, top = 14.0, bottom = 28.0
        func x(_ year: Int) -> Double { left + Double(year - minYear) / Double(max(1, maxYear - minYear)) * (width - left - right) }
        func y(_ share: Double) -> Double { top + (100 - share) / 100 * (height - top - bottom) }
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"100%\" style=\"max-width:\(Int(width))px;background:#fff;border:1px solid #d5ddd8\">"
        for share in stride(from: 0, through: 100, by: 25) {
            out += "<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(y(Double(share)))\" y2=\"\(y(Double(share)))\" stroke=\"#e6ebe8\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(y(Double(share)) + 4)\" text-anchor=\"end\">\(share) %</text>"
        }
        for year in stride(from: minYear, through: maxYear, by: maxYear - minYear > 30 ? 10 : 5) {
            out += "<text x=\"\(x(year))\" y=\"\(height - 8)\" text-anchor=\"middle\">\(year)</text>"
        }
        for (index, item) in series.prefix(24).enumerated() {
            let color = Self.palette[index % Self.palette.count]
            let path = item.points.map { "\(String(format: "%.1f", x($0.0))),\(String(format: "%.1f", y($0.1)))" }.joined(separator: " ")
            out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(path)\"><title>\(esc(item.label))</title></polyline>"
            let labelY = top + 12 + Double(index) * 11
            if labelY < height - bottom {
                out += "<rect x=\"\(width - right + 10)\" y=\"\(labelY - 8)\" width=\"10\" height=\"3\" fill=\"\(color)\"/>"
                out += "<text x=\"\(width - right + 24)\" y=\"\(labelY - 4)\">\(esc(String(item.label.prefix(40))))</text>"
            }
        }
        return out + "</svg>"
    }
}
