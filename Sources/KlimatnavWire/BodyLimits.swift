/// The limits a body must keep (see ``WireLimits``): its size and the element limit for
/// arrays that are members of the body object (SNAPSHOT raises it).
struct BodyLimits {
    var maxBytes: Int
    var topArrayLimit: Int

    /// The limits of a message of `type`.
    static func of(type: String) -> BodyLimits {
        type == WireMessageType.snapshot.rawValue
            ? BodyLimits(maxBytes: WireLimits.maxSnapshotBodyBytes, topArrayLimit: WireLimits.maxSnapshotItems)
            : BodyLimits(maxBytes: WireLimits.maxBodyBytes, topArrayLimit: WireLimits.maxArrayCount)
    }
}
