import KlimatnavPlaybook

/// One fact handed to the local node by `klimatnav say` (Protocols/klimatnav-local-v1.md):
/// a message name and body as a playbook's timeline entry writes them; the node's party is
/// the sender.
public struct LocalRequest: Codable, Sendable, Hashable {
    /// The local protocol's version: 1.
    public var version: Int
    /// A message name of the wire protocol (`barrier.report`, `goal`, ...).
    public var message: String
    /// The body: keys as in a playbook, values text or lists of text.
    public var body: [String: BodyValue]
    /// How long to wait for the hub's answer before answering `queued`, in milliseconds.
    public var waitMs: Int

    public init(message: String, body: [String: BodyValue], waitMs: Int = 5000) {
        version = 1
        self.message = message
        self.body = body
        self.waitMs = waitMs
    }
}

extension LocalRequest {
    /// The body key of each message that names its sender, with whether it holds a list.
    static let senderKeys: [String: (key: String, list: Bool)] = [
        "barrier.report": ("reportedBy", true), "goal": ("party", false), "goal.withdraw": ("party", false),
        "commitment": ("party", false), "responsibility.claim": ("party", false),
        "responsibility.release": ("party", false), "investment-area": ("party", false), "roadmap": ("owner", false),
        "gap.followup": ("by", false),
    ]

    /// The body with the key that names the sender set to `party` when it was left out.
    func body(sentBy party: String) -> [(String, BodyValue)] {
        var body = self.body
        if let sender = Self.senderKeys[message], body[sender.key] == nil {
            body[sender.key] = sender.list ? .list([party]) : .text(party)
        }
        return body.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
