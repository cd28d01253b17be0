import KlimatnavCore

/// Why a message cannot be encoded or decoded; also the content of a NACK.
///
/// Equality compares ``code``, ``frame`` and ``path``, not the wording of ``message``.
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a stable code (see ``Code``).
    public var code: Code
    /// One sentence a person understands: what was expected, what was found.
    public var message: String
    /// The index of the offending frame (0-3, not counting a ROUTER routing id), if known.
    public var frame: Int?
    /// The JSON path of the offending field, for example `body.targetYear`, if any.
    public var path: String?

    public init(_ code: Code, _ message: String, frame: Int? = nil, path: String? = nil) {
        self.code = code
        self.message = message
        self.frame = frame
        self.path = path
    }

    /// The error a hub reports for a ``StateError`` from `WorldState.apply`: its code has the
    /// same token (every state code is a wire code, tested in `WireErrorTests`).
    public init(_ stateError: StateError) {
        self.init(Code(rawValue: stateError.code.rawValue) ?? .invalidValue, stateError.message)
    }

    public static func == (lhs: WireError, rhs: WireError) -> Bool {
        lhs.code == rhs.code && lhs.frame == rhs.frame && lhs.path == rhs.path
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(frame)
        hasher.combine(path)
    }

    public var description: String {
        var text = code.rawValue
        if let frame { text += " (frame \(frame))" }
        text += ": "
        if let path { text += "\(path): " }
        return text + message
    }
}
