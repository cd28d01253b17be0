extension JSONValue {
    /// Throws `field-too-large` for the first string, key or array over the limits.
    /// - Parameters:
    ///   - topArrayLimit: the element limit for arrays that are members of the body object
    ///     (SNAPSHOT raises it); deeper arrays use ``WireLimits/maxArrayCount``.
    func checkLimits(topArrayLimit: Int = WireLimits.maxArrayCount) throws(WireError) {
        try checkLimits(depth: 0, topArrayLimit: topArrayLimit) { "body" }
    }

    /// `path` builds this value's path (`body.milestones[0]`), only for an error.
    private func checkLimits(depth: Int, topArrayLimit: Int, path: () -> String) throws(WireError) {
        switch self {
        case .object(let members):
            for (key, value) in members {
                guard key.utf8.count <= WireLimits.maxStringBytes else {
                    throw WireError(.fieldTooLarge, "key longer than \(WireLimits.maxStringBytes) bytes", frame: 3, path: path())
                }
                try value.checkLimits(depth: depth + 1, topArrayLimit: topArrayLimit) { "\(path()).\(key)" }
            }
        case .array(let items):
            let limit = depth == 1 ? topArrayLimit : WireLimits.maxArrayCount
            guard items.count <= limit else {
                throw WireError(.fieldTooLarge, "array of \(items.count) elements, limit \(limit)", frame: 3, path: path())
            }
            for (index, item) in items.enumerated() {
                try item.checkLimits(depth: depth + 1, topArrayLimit: topArrayLimit) { "\(path())[\(index)]" }
            }
        case .string(let text):
            guard text.utf8.count <= WireLimits.maxStringBytes else {
                throw WireError(
                    .fieldTooLarge, "string of \(text.utf8.count) bytes, limit \(WireLimits.maxStringBytes)",
                    frame: 3, path: path())
            }
        case .number, .bool, .null:
            break
        }
    }

    /// The value at a `Decoder` coding path, if there is one.
    func value(at codingPath: [any CodingKey]) -> JSONValue? {
        var current: JSONValue? = self
        for key in codingPath {
            switch current {
            case .object: current = current?[key.stringValue]
            case .array(let items):
                guard let index = key.intValue, items.indices.contains(index) else { return nil }
                current = items[index]
            default: return nil
            }
        }
        return current
    }
}
