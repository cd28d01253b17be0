import ArgumentParser
import KlimatnavCore

/// `klimatnav say followup`: a `gap.followup` through the party's own node (the coordinator
/// acts on a gap; the party a gap is assigned to comments on it or acknowledges it), so the
/// node keeps its session and its outbox, unlike the one-shot `klimatnav followup`.
struct SayFollowUp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup", abstract: "Follow up a gap: acknowledge, assign, comment, dismiss or undismiss it (gap.followup).")

    @Argument(help: "What to do: \(GapFollowUpAction.allCases.map(\.rawValue).joined(separator: ", ")).")
    var action: String
    @Option(help: "The gap's id (as klimatnav gaps or inbox prints it).") var gap: String?
    @Option(help: "assign: the party the gap is given to.") var assignee: String?
    @Option(help: "assign: the role of the person there who follows it up, for example klimatstrateg.") var role: String?
    @Option(help: "assign: the due date, YYYY-MM-DD.") var due: String?
    @Option(help: "comment: the text; dismiss: the reason (required); otherwise an optional note.") var text: String?
    @OptionGroup var say: SayOptions

    func run() async throws {
        try await say.say(
            "gap.followup",
            [
                "action": SayOptions.text(action), "gap": SayOptions.text(gap), "assignee": SayOptions.text(assignee),
                "role": SayOptions.text(role), "due": SayOptions.text(due), "text": SayOptions.text(text),
            ])
    }
}
