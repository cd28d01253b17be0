/// One value (or object key) of a body, as ``JSONScanner`` indexes it: its kind, its bytes
/// and, for objects and arrays, how many members or items it has and where it ends.
struct JSONToken {
    enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }

    var kind: Kind
    /// For a string: whether it has escapes, so its text is not simply its bytes.
    var escaped = false
    /// For a string: whether it is plain ASCII without escapes (compared byte by byte).
    var ascii = false
    /// The value's bytes; for a string, between the quotes.
    var start: Int32
    var end: Int32
    /// Members of an object, items of an array; 0 for a scalar.
    var count: Int32 = 0
    /// The index of the first token after this value (and everything in it).
    var next: Int32 = 0
}
