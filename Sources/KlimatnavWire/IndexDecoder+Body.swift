extension IndexDecoder {
    /// Decodes frame 3 as a `T`: valid UTF-8 without a byte-order mark, then one pass of
    /// ``JSONScanner`` (grammar and limits), then `T`'s `init(from:)` over the index, then
    /// the check for members nobody read.
    static func decodeBody<T: Decodable>(
        _ type: T.Type, from bytes: [UInt8], eventName: String? = nil, topArrayLimit: Int = WireLimits.maxArrayCount
    ) throws(WireError) -> T {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            // Section 4 puts the byte-order mark under the UTF-8 rule: UTF-8 with no BOM.
            throw WireError(.badUTF8, "the body starts with a byte-order mark (EF BB BF); send UTF-8 without one", frame: 3)
        }
        if let offset = BodyCoder.invalidUTF8Offset(bytes) {
            throw WireError(.badUTF8, "invalid UTF-8 at byte \(offset)", frame: 3)
        }
        let index = try JSONScanner.scan(bytes, topArrayLimit: topArrayLimit)
        let state = IndexReadState(index, userInfo: eventName.map { [BodyCoder.eventNameKey: $0] } ?? [:])
        let value: T
        do {
            value = try IndexDecoder(state).decode(T.self, at: 0, path: [])
        } catch let error as WireError {
            throw error
        } catch let error as DecodingError {
            throw WireError(domain: error, index: index)
        } catch {
            throw WireError(.invalidValue, "\(error)", frame: 3)
        }
        try state.finish()
        return value
    }
}

extension WireError {
    /// A `DecodingError` that a type's own `init(from:)` threw (the decoder throws
    /// ``WireError``s itself), by its case: a missing key, a value of the wrong type, or a
    /// value the type refused (`invalid-value`, with the type's own words).
    init(domain error: DecodingError, index: JSONIndex) {
        switch error {
        case .keyNotFound(let key, let context):
            self.init(.missingField, "required field missing", frame: 3, path: (context.codingPath + [key]).wirePath())
        case .valueNotFound(let type, let context):
            self.init(.wrongType, "expected \(jsonName(of: type)), found null", frame: 3, path: context.codingPath.wirePath())
        case .typeMismatch(let type, let context):
            let found = index.token(at: context.codingPath).map(index.kindName) ?? "something else"
            self.init(.wrongType, "expected \(jsonName(of: type)), found \(found)", frame: 3, path: context.codingPath.wirePath())
        case .dataCorrupted(let context):
            self.init(.invalidValue, context.debugDescription, frame: 3, path: context.codingPath.wirePath())
        @unknown default:
            self.init(.invalidValue, "\(error)", frame: 3)
        }
    }
}

extension JSONIndex {
    /// The token at a `Decoder` coding path, if there is one.
    func token(at codingPath: [any CodingKey]) -> Int? {
        var current = 0
        for key in codingPath {
            let token = tokens[current]
            var child = current + 1
            if token.kind == .object {
                var found: Int?
                for _ in 0..<token.count where found == nil {
                    if self.key(child, is: key.stringValue) { found = child + 1 }
                    child = Int(tokens[child + 1].next)
                }
                guard let found else { return nil }
                current = found
            } else if token.kind == .array, let position = key.intValue, position >= 0, position < token.count {
                for _ in 0..<position { child = Int(tokens[child].next) }
                current = child
            } else {
                return nil
            }
        }
        return current
    }
}

extension Array where Element == any CodingKey {
    /// The wire form of a coding path: `body.milestones[0].year`.
    func wirePath(root: String = "body") -> String {
        reduce(root) { path, key in
            if let index = key.intValue { "\(path)[\(index)]" } else { "\(path).\(key.stringValue)" }
        }
    }
}
