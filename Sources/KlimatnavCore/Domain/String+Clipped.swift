extension String {
    /// This text cut to at most `limit` bytes of UTF-8 at a character boundary, ending in
    /// `...` when cut: for texts that quote what a party sent (a gap's summary, a NACK's
    /// reason) and must stay within the wire's 8192-byte string limit.
    public func clipped(toBytes limit: Int) -> String {
        guard utf8.count > limit else { return self }
        var out = ""
        var bytes = 0
        for character in self {
            let size = character.utf8.count
            if bytes + size > limit - 3 { break }
            out.append(character)
            bytes += size
        }
        return out + "..."
    }
}
