import KlimatnavCore

/// Seeded random goals for the fast-path differential tests: every optional field present or
/// absent, every enum case, and odd values (strings with quotes, backslashes, control
/// characters, non-ASCII text; negative, fractional, tiny and huge doubles; extreme integers).
/// KlimatnavWireTests cannot use the playbooks, so these stand in for them.
struct RandomGoals {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// Pieces random strings are made of.
    static let pieces = [
        "a", "Z", "goal", " ", "\"", "\\", "/", "\\\"", "\t", "\n", "\r", "\u{8}", "\u{C}", "\u{0}", "\u{1}",
        "\u{1F}", "\u{7F}", "å", "ä", "ö", "é", "e\u{301}", "\u{2028}", "\u{FEFF}", "🌍", "中", "-80 %", "{", "}",
        "[", "]", ":", ",", "null", "1e3", "\\u0041",
    ]
    static let doubles: [Double] = [
        0, -0.0, 1, -1, 0.5, -12.75, 80, 100, 1e-5, 0.0001, 1e16, 1e21, -1.5e300, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude, -.leastNormalMagnitude, 0.1 + 0.2, 123_456.789, 2030, 1.0 / 3.0,
    ]
    static let integers = [0, -1, 1, 1990, 2030, 2045, Int.max, Int.min, -2030, 99_999_999_999]

    mutating func chance(_ probability: Double = 0.5) -> Bool { Double.random(in: 0..<1, using: &rng) < probability }

    mutating func maybe<T>(_ make: (inout RandomGoals) -> T) -> T? { chance() ? make(&self) : nil }

    mutating func string() -> String {
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return ["", "Klimatpåverkan nära noll 2030", "construction", "plain"].randomElement(using: &rng)!
        default:
            return (0..<Int.random(in: 0...12, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
        }
    }

    mutating func double() -> Double {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return Self.doubles.randomElement(using: &rng)!
        case 1: return Double.random(in: -1e9...1e9, using: &rng)
        default:
            var value = Double(bitPattern: rng.next())
            while !value.isFinite { value = Double(bitPattern: rng.next()) }
            return value
        }
    }

    mutating func integer() -> Int {
        chance(0.7) ? Self.integers.randomElement(using: &rng)! : Int(truncatingIfNeeded: rng.next()) >> Int.random(in: 0..<64, using: &rng)
    }

    mutating func partyID() -> PartyID {
        let first = Array("abcdefghijklmnopqrstuvwxyz")
        let rest = first + Array("0123456789-")
        let text =
            String(first.randomElement(using: &rng)!)
            + String((0..<Int.random(in: 0...63, using: &rng)).map { _ in rest.randomElement(using: &rng)! })
        return PartyID(text)!
    }

    mutating func next() -> Goal {
        Goal(
            id: string(), party: partyID(), orientation: GoalOrientation.allCases.randomElement(using: &rng)!,
            area: GoalArea.allCases.randomElement(using: &rng)!, areaName: maybe { $0.string() },
            scopes: maybe { goals in
                (0..<Int.random(in: 0...4, using: &goals.rng)).map { _ in
                    goals.chance(0.8) ? Int.random(in: 1...3, using: &goals.rng) : goals.integer()
                }
            },
            scope1EnergyOnly: maybe { Bool.random(using: &$0.rng) }, word: maybe { GoalWord.allCases.randomElement(using: &$0.rng)! },
            reductionPercent: maybe { $0.double() }, baseYear: maybe { $0.integer() }, perCapitaTonnes: maybe { $0.double() },
            annualRatePercent: maybe { $0.double() }, rateFromYear: maybe { $0.integer() },
            carbonBudgetTonnes: maybe { $0.double() }, basis: GoalBasis.allCases.randomElement(using: &rng)!,
            targetYear: maybe { $0.integer() }, sector: maybe { $0.string() },
            status: GoalStatus.allCases.randomElement(using: &rng)!, interimOf: maybe { $0.string() },
            carbonStoragePlan: maybe { Bool.random(using: &$0.rng) }, text: string(), source: maybe { $0.string() },
            textEn: chance(0.25) ? string() : nil)
    }
}
