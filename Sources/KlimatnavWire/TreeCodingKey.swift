/// The coding keys the tree coders make themselves: array positions and `super`.
struct TreeCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key of `superDecoder()` and `superEncoder()`.
    static let superKey = TreeCodingKey(stringValue: "super")
}
