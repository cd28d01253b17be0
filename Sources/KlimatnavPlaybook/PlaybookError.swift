/// Everything wrong with a playbook, one ``Diagnostic`` per problem, in file order.
///
/// `description` prints one diagnostic per line, in the form compilers use:
/// `file:line:column: error: <what was expected>, found <what was found>`.
public struct PlaybookError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem a diagnostic reports.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The text is not well-formed YAML (or has a key twice in one mapping).
        case syntax
        /// A key the format does not know.
        case unknownKey = "unknown-key"
        /// A required key is missing.
        case missingKey = "missing-key"
        /// A value of the wrong type (a list where text belongs, text where a number belongs...).
        case wrongType = "wrong-type"
        /// A value of the right type but not one of the allowed values or outside its range.
        case invalidValue = "invalid-value"
        /// Text that is not a valid party id.
        case invalidPartyID = "invalid-party-id"
        /// A party id that is not in the playbook's roster.
        case unknownParty = "unknown-party"
        /// A goal, roadmap, barrier or policy lab id that is not defined.
        case unknownReference = "unknown-reference"
        /// The same id defined twice.
        case duplicateID = "duplicate-id"
        /// A year outside 1900-2200, or a base year not before the target year.
        case impossibleYear = "impossible-year"
        /// A timeline message name that is not in `DomainEvent.names`.
        case unknownMessage = "unknown-message"
        /// A timeline entry out of date order, or dated before `asOf`.
        case timelineOrder = "timeline-order"
        /// A timeline entry whose `from` may not send its body.
        case wrongSender = "wrong-sender"
        /// The hub would reject the message (a `StateError` when applying the schedule).
        case rejected
    }

    /// One problem, at one place in one file.
    public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
        public var code: Code
        public var file: String
        /// 1-based line.
        public var line: Int
        /// 1-based column, counted in Unicode scalars.
        public var column: Int
        /// `<what was expected>, found <what was found>` (sometimes with a hint after `;`).
        public var message: String

        public init(code: Code, file: String, line: Int, column: Int, message: String) {
            self.code = code
            self.file = file
            self.line = line
            self.column = column
            self.message = message
        }

        public var description: String { "\(file):\(line):\(column): error: \(message)" }
    }

    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The messages alone (without file and position), for tests and summaries.
    public var messages: [String] { diagnostics.map(\.message) }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
