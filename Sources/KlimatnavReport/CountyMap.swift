import Foundation
import KlimatnavCore

/// The 21 counties as a tile map: one square per county, placed roughly where it lies (north
/// at the top), coloured by the observed pace of its summed emissions and labelled with how
/// many of its municipalities are on track for Sweden's goal. A map of shapes needs boundary
/// data the project does not carry; the tiles keep the geography readable. The county table
/// beside it has the same figures (the SVG's description says so).
public struct CountyMap: Sendable {
    public var counties: [CountyPicture]

    public init(counties: [CountyPicture]) { self.counties = counties }

    /// Column and row of each county by its SCB name.
    static let tiles: [String: (Int, Int)] = [
        "Norrbottens län": (2, 0), "Västerbottens län": (2, 1), "Jämtlands län": (1, 2), "Västernorrlands län": (2, 2),
        "Dalarnas län": (1, 3), "Gävleborgs län": (2, 3), "Värmlands län": (0, 4), "Örebro län": (1, 4),
        "Västmanlands län": (2, 4), "Uppsala län": (3, 4), "Västra Götalands län": (0, 5), "Östergötlands län": (1, 5),
        "Södermanlands län": (2, 5), "Stockholms län": (3, 5), "Hallands län": (0, 6), "Jönköpings län": (1, 6),
        "Kalmar län": (2, 6), "Gotlands län": (3, 6), "Skåne län": (0, 7), "Kronobergs län": (1, 7), "Blekinge län": (2, 7),
    ]

    /// Fill by observed pace (percent a year, falling positive): lower bound and colour.
    static let bins: [(Double, String)] = [(7, "#6dbb6d"), (5, "#a9d6a0"), (3, "#d9edc5"), (1, "#f9eab8"), (-.infinity, "#f4d6c6")]

    static func fill(_ pace: Double?) -> String {
        guard let pace else { return "#eeeeee" }
        return bins.first { pace >= $0.0 }?.1 ?? "#eeeeee"
    }

    /// The map, or an empty string when no county has a tile.
    public func svg(_ c: Catalogue) -> String {
        let placed = counties.compactMap { county in Self.tiles[county.name].map { (county, $0) } }
        guard !placed.isEmpty else { return "" }
        let e = HTML.escape
        let size = 112.0, gap = 6.0, legendWidth = 200.0
        let width = 4 * (size + gap) + legendWidth, height = 8 * (size + gap)
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"county-map\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"county-map-title county-map-desc\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\n"
        out += "<title id=\"county-map-title\">\(e(c[.mapTitle]))</title>\n<desc id=\"county-map-desc\">\(e(c[.mapDescription]))</desc>\n"
        for (county, (column, row)) in placed {
            let x = Double(column) * (size + gap), y = Double(row) * (size + gap)
            // "Västra Götalands län" -> "Västra Götaland" (no county's own name ends in s).
            var short = county.name.hasSuffix(" län") ? String(county.name.dropLast(4)) : county.name
            if short.hasSuffix("s") { short.removeLast() }
            out +=
                "<g class=\"county\" data-county=\"\(e(county.party.rawValue))\"><rect x=\"\(x)\" y=\"\(y)\" width=\"\(size)\" height=\"\(size)\" rx=\"4\" fill=\"\(Self.fill(county.trend?.ratePercent))\" stroke=\"#767676\"/>"
            out += "<text x=\"\(x + 6)\" y=\"\(y + 16)\" font-weight=\"bold\">\(e(short))</text>"
            out += "<text x=\"\(x + 6)\" y=\"\(y + 40)\">\(e(county.trend.map { c.pace($0.ratePercent) } ?? "–"))</text>"
            out +=
                "<text x=\"\(x + 6)\" y=\"\(y + 62)\">\(e(c.format(.mapOnTrack, c.integer(county.onTrackForNationalPath), c.integer(county.count))))</text></g>\n"
        }
        let lx = 4 * (size + gap) + 10
        out += "<text x=\"\(lx)\" y=\"14\" font-weight=\"bold\">\(e(c[.colPace]))</text>\n"
        let labels = ["≥ 7", "5–7", "3–5", "1–3", "< 1"]
        for (index, (_, color)) in Self.bins.enumerated() {
            let y = 26 + Double(index) * 20
            out +=
                "<rect x=\"\(lx)\" y=\"\(y)\" width=\"18\" height=\"14\" fill=\"\(color)\" stroke=\"#767676\"/><text x=\"\(lx + 26)\" y=\"\(y + 11)\">\(e(labels[index] + " " + c[.mapPerYear]))</text>\n"
        }
        return out + "</svg>\n"
    }
}
