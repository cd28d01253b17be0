import KlimatnavCore

/// A ``DomainEvent`` inside another body (SNAPSHOT, DELTA): `{"event": NAME, "body": BODY}`,
/// where NAME is one of `DomainEvent.names` and BODY is that event's own body.
struct WireEvent: Codable, Hashable, Sendable {
    var event: DomainEvent

    init(_ event: DomainEvent) { self.event = event }

    private enum CodingKeys: String, CodingKey { case event, body }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .event)
        guard DomainEvent.names.contains(name) else {
            throw WireError(
                .unknownValue, "unknown value '\(name)'; expected one of \(DomainEvent.names.joined(separator: ", "))", frame: 3,
                path: (container.codingPath + [CodingKeys.event]).wirePath())
        }
        guard container.contains(.body) else {
            throw DecodingError.keyNotFound(CodingKeys.body, .init(codingPath: container.codingPath, debugDescription: "missing"))
        }
        event = try DomainEvent.decode(name: name, from: try container.superDecoder(forKey: .body))
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(event.name, forKey: .event)
        try event.encodeBody(to: container.superEncoder(forKey: .body))
    }
}
