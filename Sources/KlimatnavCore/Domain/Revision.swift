/// A yearly revision of the climate contracts, closed by the programme coordinator.
///
/// The contracts (signed 2020-12-11) are revised every year. Closing a revision marks a point in
/// the shared state: the hub keeps a snapshot of the state and of the open gaps at that moment,
/// so two revisions can be compared (`klimatnav diff --from 2021 --to 2022`). Revisions do not
/// change any goal, commitment or gap.
public struct Revision: Codable, Hashable, Sendable, Identifiable {
    /// The revision's name, by convention its year (`"2021"`): 1-32 ASCII letters, digits,
    /// `.`, `_` or `-`.
    public var id: String
    /// The day the revision was closed, `YYYY-MM-DD`.
    public var date: String
    /// An optional title for people, in Swedish ("Revision 2021 (enligt Viable Cities Report 2021:7)").
    public var title: String?
    /// The title in English, if given (wire spec section 18).
    public var titleEn: String?

    public init(id: String, date: String, title: String? = nil, titleEn: String? = nil) {
        self.id = id
        self.date = date
        self.title = title
        self.titleEn = titleEn
    }

    /// Whether `id` has the form of a revision id.
    public static func isValidID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...32).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }

    /// Whether `date` has the form `YYYY-MM-DD` with a plausible month and day.
    public static func isValidDate(_ date: String) -> Bool {
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }
}
