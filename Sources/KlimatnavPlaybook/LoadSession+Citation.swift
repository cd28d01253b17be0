import KlimatnavCore
import Yams

/// `quote:` and `external:` on a fact (see ``FactCitation``). They are read here, beside the
/// fact, and taken out of the mapping before the fact's own reader sees it, so a timeline
/// body (a wire message) never accepts them.
extension LoadSession {
    static let citationKeys = ["quote", "external"]

    /// The fact's mapping without the citation keys, and its citation (`nil` when it has none
    /// or it has errors, which are reported).
    func splitCitation(_ node: Node) -> (fact: Node, citation: FactCitation?) {
        guard case .mapping(let mapping) = node else { return (node, nil) }
        var rest: [(Node, Node)] = []
        var quoteNode: Node?
        var externalNode: Node?
        var hasSource = false
        for (key, value) in mapping {
            switch key.string {
            case "quote"?: quoteNode = value
            case "external"?: externalNode = value
            default:
                if key.string == "source", !YAMLReader.isNull(value) { hasSource = true }
                rest.append((key, value))
            }
        }
        guard quoteNode != nil || externalNode != nil else { return (node, nil) }
        let stripped = Node.mapping(Node.Mapping(rest, mapping.tag, mapping.style, mapping.mark))
        let before = reader.errorCount
        var citation = FactCitation()
        if let quoteNode, !YAMLReader.isNull(quoteNode) {
            if case .sequence = quoteNode {
                citation.quotes = reader.sequence(quoteNode, "quote") { quote($0) } ?? []
            } else if let text = quote(quoteNode) {
                citation.quotes = [text]
            }
        }
        if let externalNode, !YAMLReader.isNull(externalNode) {
            citation.external = reader.boolean(externalNode, "external") ?? false
            if citation.external, !hasSource {
                reader.error(
                    .missingKey, at: externalNode.mark,
                    "expected 'source' beside 'external: true' naming where the fact comes from, found no 'source'")
            }
        }
        guard reader.errorCount == before, !citation.isEmpty else { return (stripped, nil) }
        return (stripped, citation)
    }

    /// One quote: text, at least a few characters, with no line break left after folding.
    private func quote(_ node: Node) -> String? {
        guard let text = reader.text(node, "quote") else { return nil }
        let normalised = FactCitation.normalise(text)
        guard normalised.count >= 3 else {
            reader.error(
                .invalidValue, at: node.mark,
                "expected a quote of at least 3 characters (a short verbatim passage of the source), found \(YAMLReader.describe(node))")
            return nil
        }
        return text
    }
}

extension FactCitation {
    /// `text` with every run of whitespace (spaces, tabs, line breaks, no-break spaces) as one
    /// space, and no space at either end: how quotes are matched against the source.
    public static func normalise(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
        }
        return out
    }
}
