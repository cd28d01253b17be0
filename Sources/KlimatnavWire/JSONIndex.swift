import Foundation

/// A body checked by ``JSONScanner`` and indexed as a flat array of ``JSONToken``s in
/// document order: an object is followed by its keys and values (key, value, key, value,
/// ...), an array by its items. No tree, no `String`s until a reader asks for one.
struct JSONIndex {
    let bytes: [UInt8]
    var tokens: [JSONToken]

    /// The text of the string token at `index` (a key or a value).
    func string(_ index: Int) -> String {
        let token = tokens[index]
        let range = Int(token.start)..<Int(token.end)
        guard token.escaped else { return String(decoding: bytes[range], as: UTF8.self) }
        // The scanner checked every escape: this cannot fail.
        let text = bytes.withUnsafeBufferPointer { try? JSONLexer.unescape($0, from: range.lowerBound).text }
        return String(decoding: text ?? [], as: UTF8.self)
    }

    /// Whether the key at `index` is `name` (compared as text).
    func key(_ index: Int, is name: String) -> Bool {
        let token = tokens[index]
        if bytes[Int(token.start)..<Int(token.end)].elementsEqual(name.utf8) { return true }
        // Text, not bytes, as `String` compares (canonical equivalence: U+212A is "K").
        return !token.ascii && string(index) == name
    }

    /// The key token of the member `name` of the object at `object`, or `nil`.
    func member(_ name: String, of object: Int) -> Int? {
        var utf8Name = name
        // -1: not found among the plain keys, and some key is not plain: compare as text.
        let found: Int? = utf8Name.withUTF8 { (name: UnsafeBufferPointer<UInt8>) -> Int? in
            tokens.withUnsafeBufferPointer { (tokens: UnsafeBufferPointer<JSONToken>) -> Int? in
                bytes.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) -> Int? in
                    var key = object + 1
                    var plain = true
                    for _ in 0..<tokens[object].count {
                        let token = tokens[key]
                        let length = Int(token.end &- token.start)
                        if length == name.count,
                            length == 0 || memcmp(bytes.baseAddress! + Int(token.start), name.baseAddress!, length) == 0
                        {
                            return key
                        }
                        plain = plain && token.ascii
                        key = Int(tokens[key + 1].next)
                    }
                    return plain ? nil : -1
                }
            }
        }
        guard found == -1 else { return found }
        return keys(of: object).first { key($0, is: name) }
    }

    /// The literal text of the number token at `index`.
    func numberText(_ index: Int) -> String {
        String(decoding: bytes[Int(tokens[index].start)..<Int(tokens[index].end)], as: UTF8.self)
    }

    /// The JSON type name used in error messages (`object`, `integer 5`, `null`, ...).
    func kindName(_ index: Int) -> String {
        switch tokens[index].kind {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .true, .false: return "boolean"
        case .null: return "null"
        case .number:
            let text = numberText(index)
            return text.contains(where: { ".eE".contains($0) }) ? "number \(text)" : "integer \(text)"
        }
    }

    /// The members of the object at `index`: the token indices of each key (its value follows).
    func keys(of index: Int) -> [Int] {
        var keys: [Int] = []
        var key = index + 1
        for _ in 0..<tokens[index].count {
            keys.append(key)
            key = Int(tokens[key + 1].next)
        }
        return keys
    }

    /// The wire path of the value at `target` (`body.milestones[0].year`), found from the top.
    func path(to target: Int) -> String {
        var path = "body"
        var index = 0
        while index != target {
            let token = tokens[index]
            var child = index + 1
            if token.kind == .object {
                for _ in 0..<token.count {
                    let value = child + 1
                    if target == child || target >= value && target < Int(tokens[value].next) {
                        path += ".\(string(child))"
                        if target == child { return path }
                        child = value
                        break
                    }
                    child = Int(tokens[value].next)
                }
            } else {
                for item in 0..<Int(token.count) {
                    if target >= child && target < Int(tokens[child].next) {
                        path += "[\(item)]"
                        break
                    }
                    child = Int(tokens[child].next)
                }
            }
            guard child != index, child <= target else { return path }
            index = child
        }
        return path
    }
}
