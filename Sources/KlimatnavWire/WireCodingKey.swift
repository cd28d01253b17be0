/// The coding keys the codec makes itself: array positions and `super`.
struct WireCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) { self.stringValue = stringValue }

    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }

    /// The key of `superDecoder()` and `superEncoder()`.
    static let superKey = WireCodingKey(stringValue: "super")
}
