import Foundation
import KlimatnavCore

// Drawing ``EmissionsChart``: the SVG and the tables of its numbers.
extension EmissionsChart {
    static let width = 920.0, height = 420.0
    static let left = 64.0, right = 310.0, top = 40.0, bottom = 48.0
    /// Legend labels longer than this are cut with "…" (the tables below have them whole).
    static let legendLength = 44
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    /// The top of the value axis in tonnes: a round number above every area and line.
    func axisTop(_ lines: [Line]) -> (top: Double, step: Double) {
        let highest = max(years.map(total).max() ?? 0, lines.flatMap { $0.points.map(\.tonnes) }.max() ?? 0, 1)
        let rough = highest / 5
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return ((highest / step).rounded(.up) * step, step)
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The chart as an inline SVG element with `<title>` and `<desc>`.
    public func svg(_ c: Catalogue) -> String {
        let e = HTML.escape
        let lines = lines(c)
        let (yTop, step) = axisTop(lines)
        let first = years.first ?? latestYear
        func x(_ year: Int) -> Double { Self.left + Double(year - first) / Double(max(endYear - first, 1)) * Self.plotWidth }
        func y(_ tonnes: Double) -> Double { Self.top + (1 - min(tonnes, yTop) / yTop) * Self.plotHeight }
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"emissions\" data-party=\"\(e(key))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" role=\"img\" aria-labelledby=\"\(titleID) \(descriptionID)\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"\(titleID)\">\(e(title(c)))</title>\n<desc id=\"\(descriptionID)\">\(e(description(c)))</desc>\n"
        out +=
            "<rect x=\"\(f(Self.left))\" y=\"\(f(Self.top))\" width=\"\(f(Self.plotWidth))\" height=\"\(f(Self.plotHeight))\" fill=\"#fafafa\" stroke=\"#767676\"/>\n"
        var tick = 0.0
        while tick <= yTop + step / 2 {
            out +=
                "<line x1=\"\(f(Self.left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(Self.left + Self.plotWidth))\" y2=\"\(f(y(tick)))\" stroke=\"#e0e0e0\"/>"
            out +=
                "<text x=\"\(f(Self.left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\">\(e(c.number(tick / 1000, decimals: step < 1000 ? 1 : 0)))</text>\n"
            tick += step
        }
        for year in stride(from: (first + 4) / 5 * 5, through: endYear, by: 5) {
            out +=
                "<line x1=\"\(f(x(year)))\" y1=\"\(f(Self.top + Self.plotHeight))\" x2=\"\(f(x(year)))\" y2=\"\(f(Self.top + Self.plotHeight + 5))\" stroke=\"#666\"/>"
            out += "<text x=\"\(f(x(year)))\" y=\"\(f(Self.top + Self.plotHeight + 18))\" text-anchor=\"middle\">\(year)</text>\n"
        }
        out +=
            "<text x=\"\(f(Self.left + Self.plotWidth / 2))\" y=\"\(f(Self.height - 8))\" text-anchor=\"middle\">\(e(c[.emissionsYear]))</text>\n"
        out += "<text x=\"\(f(Self.left))\" y=\"\(f(Self.top - 12))\">\(e(c[.emissionsAxis]))</text>\n"
        // Stacked areas, the first sector at the bottom.
        var below = Dictionary(uniqueKeysWithValues: years.map { ($0, 0.0) })
        for sector in sectors {
            let color = Self.sectorColors[sector] ?? "#999"
            let tops = years.map { year in (year, below[year]! + (values[year]?[sector] ?? 0)) }
            let bottoms = years.reversed().map { ($0, below[$0]!) }
            let d = (tops + bottoms).enumerated().map { "\($0.offset == 0 ? "M" : "L")\(f(x($0.element.0))) \(f(y($0.element.1)))" }.joined(
                separator: " ")
            out +=
                "<path class=\"sector\" data-sector=\"\(sector.rawValue)\" d=\"\(d) Z\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"0.5\"/>\n"
            for (year, value) in tops { below[year] = value }
        }
        // The fair-share band, then the lines.
        let (upper, lower) = band()
        let bandPath = (upper + lower.reversed()).enumerated().map {
            "\($0.offset == 0 ? "M" : "L")\(f(x($0.element.year))) \(f(y($0.element.tonnes)))"
        }.joined(separator: " ")
        out += "<path class=\"band\" d=\"\(bandPath) Z\" fill=\"#9ecae1\" fill-opacity=\"0.45\" stroke=\"none\"/>\n"
        out +=
            "<line x1=\"\(f(x(latestYear)))\" y1=\"\(f(Self.top))\" x2=\"\(f(x(latestYear)))\" y2=\"\(f(Self.top + Self.plotHeight))\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>\n"
        for line in lines {
            let dash = line.dash.isEmpty ? "" : " stroke-dasharray=\"\(line.dash)\""
            if line.points.count == 1, let point = line.points.first {
                out +=
                    "<circle class=\"goal-target\" cx=\"\(f(x(point.year)))\" cy=\"\(f(y(point.tonnes)))\" r=\"5\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"/>\n"
                continue
            }
            let d = line.points.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(f(x($0.element.year))) \(f(y($0.element.tonnes)))" }
                .joined(separator: " ")
            out += "<path class=\"path\" d=\"\(d)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2.5\"\(dash)/>\n"
        }
        // Legend.
        var ly = Self.top + 4
        let lx = Self.left + Self.plotWidth + 14
        func legend(_ label: String, _ swatch: String) {
            let short = label.count > Self.legendLength ? label.prefix(Self.legendLength - 1) + "…" : label
            out += "<g transform=\"translate(\(f(lx)) \(f(ly)))\">\(swatch)<text x=\"26\" y=\"4\">\(e(String(short)))</text></g>\n"
            ly += 16
        }
        for sector in sectors.reversed() {
            legend(c.sector(sector), "<rect x=\"0\" y=\"-5\" width=\"20\" height=\"10\" fill=\"\(Self.sectorColors[sector] ?? "#999")\"/>")
        }
        ly += 6
        for line in lines {
            let dash = line.dash.isEmpty ? "" : " stroke-dasharray=\"\(line.dash)\""
            legend(line.label, "<line x1=\"0\" y1=\"0\" x2=\"20\" y2=\"0\" stroke=\"\(line.color)\" stroke-width=\"2.5\"\(dash)/>")
        }
        let fair = configuration.fairShareRatePercent
        legend(
            c.format(.emissionsFairShare, c.pace(fair.lowerBound), c.pace(fair.upperBound)),
            "<rect x=\"0\" y=\"-5\" width=\"20\" height=\"10\" fill=\"#9ecae1\"/>")
        return out + "</svg>\n"
    }

    /// The chart's numbers: emissions by year and sector, and the lines from the latest year.
    public func table(_ c: Catalogue) -> String {
        let e = HTML.escape
        func kt(_ tonnes: Double) -> String { c.number(tonnes / 1000, decimals: 1) }
        var out = "<details class=\"chart-data\"><summary>\(e(c[.emissionsTable]))</summary>"
        out +=
            "<table class=\"chart-table\" id=\"chart-\(HTML.anchor(key))-table\"><caption>\(e(c.format(.chartTableCaption, name)))</caption><thead><tr><th scope=\"col\">\(e(c[.emissionsYear]))</th>"
        for sector in sectors { out += "<th scope=\"col\">\(e(c.sector(sector)))</th>" }
        out += "<th scope=\"col\">\(e(c[.emissionsTotal]))</th></tr></thead><tbody>"
        for year in years {
            out += "<tr><th scope=\"row\">\(year)</th>"
            for sector in sectors { out += "<td class=\"num\">\(kt(values[year]?[sector] ?? 0))</td>" }
            out += "<td class=\"num\">\(kt(total(year)))</td></tr>"
        }
        out += "</tbody></table>"
        let lines = lines(c), (upper, lower) = band()
        var rows = Set(stride(from: (latestYear + 4) / 5 * 5, through: endYear, by: 5)).union([latestYear, endYear])
        for line in lines { rows.formUnion(line.points.last.map { [$0.year] } ?? []) }
        let fair = configuration.fairShareRatePercent
        out +=
            "<table class=\"chart-table\"><caption>\(e(c[.chartPathsCaption]))</caption><thead><tr><th scope=\"col\">\(e(c[.emissionsYear]))</th>"
        for line in lines { out += "<th scope=\"col\">\(e(line.label))</th>" }
        out +=
            "<th scope=\"col\">\(e(c.format(.emissionsFairShare, c.pace(fair.lowerBound), c.pace(fair.upperBound))))</th></tr></thead><tbody>"
        for year in rows.sorted() {
            out += "<tr><th scope=\"row\">\(year)</th>"
            for line in lines { out += "<td class=\"num\">\(line.points.first { $0.year == year }.map { kt($0.tonnes) } ?? "–")</td>" }
            let high = upper.first { $0.year == year }, low = lower.first { $0.year == year }
            if let low, let high {
                out += "<td class=\"num\">\(kt(low.tonnes))–\(kt(high.tonnes))</td></tr>"
            } else {
                out += "<td class=\"num\">–</td></tr>"
            }
        }
        return out + "</tbody></table></details>\n"
    }

    /// The chart and its tables.
    public func html(_ c: Catalogue) -> String {
        "<div class=\"chart\">" + svg(c) + table(c) + "</div>\n"
    }
}
