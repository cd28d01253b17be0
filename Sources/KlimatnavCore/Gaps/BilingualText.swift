/// A text of the response playbook in Swedish with an optional English translation. Decodes
/// from plain text (Swedish only) or from `{sv: ..., en: ...}` (`sv` required); encodes back to
/// the same form (plain text when there is no translation).
public struct BilingualText: Codable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var sv: String
    public var en: String?

    public init(sv: String, en: String? = nil) {
        self.sv = sv
        self.en = en
    }

    /// A Swedish-only text.
    public init(stringLiteral value: String) {
        self.init(sv: value)
    }

    /// The English text, else the Swedish one (nothing is lost where no translation exists).
    public var english: String { en ?? sv }

    private enum CodingKeys: String, CodingKey { case sv, en }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(sv: text)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let extra = Set(c.allKeys.map(\.stringValue)).subtracting(["sv", "en"])
        if !extra.isEmpty {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: c.codingPath,
                    debugDescription:
                        "expected text or {sv: ..., en: ...}, found the key(s) \(extra.sorted().joined(separator: ", ")); write the Swedish text under 'sv' and the English under 'en'"
                ))
        }
        guard c.contains(.sv) else {
            throw DecodingError.keyNotFound(
                CodingKeys.sv,
                .init(
                    codingPath: c.codingPath,
                    debugDescription:
                        "expected the Swedish text under 'sv' ({sv: ..., en: ...}); a text that exists only in English is written as {sv: <the English text>} with a note"
                ))
        }
        self.init(sv: try c.decode(String.self, forKey: .sv), en: try c.decodeIfPresent(String.self, forKey: .en))
    }

    public func encode(to encoder: any Encoder) throws {
        guard let en else {
            var single = encoder.singleValueContainer()
            try single.encode(sv)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(sv, forKey: .sv)
        try c.encode(en, forKey: .en)
    }
}
