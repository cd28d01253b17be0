import ArgumentParser
import Foundation
import KlimatnavCore
import KlimatnavNode

extension GapFollowUpAction: ExpressibleByArgument {}

/// `klimatnav followup`: one follow-up step on a gap, sent to a hub as one party (the
/// coordinator, or the party the gap is assigned to), then exits.
struct FollowUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Follow up a gap: acknowledge, assign, comment, dismiss or undismiss it (one message to a hub).",
        discussion: """
            Connects to the hub as --party, sends one gap.followup message (protocol section 17), \
            prints the hub's answer and exits 0, or 1 if the hub refused it. The coordinator may do \
            everything; the party a gap is assigned to may comment and acknowledge. Gap ids: klimatnav gaps --all.
            Examples:
              klimatnav followup assign --gap ID --assignee goteborg --role klimatstrateg --due 2027-03-31 --party viable-cities --connect tcp://127.0.0.1:5555
              klimatnav followup dismiss --gap ID --text "The contract covers it in 3.4" --party viable-cities --connect tcp://127.0.0.1:5555
            """)

    @Argument(help: "What to do: acknowledge, assign, comment, dismiss or undismiss.")
    var action: GapFollowUpAction

    @Option(help: "The gap's id (as klimatnav gaps prints it).")
    var gap: String

    @Option(help: "The party this message comes from (the coordinator, or the gap's assignee).")
    var party: String

    @Option(help: "assign: the party the gap is given to.")
    var assignee: String?

    @Option(help: "assign: the role of the person there who follows it up, for example klimatstrateg.")
    var role: String?

    @Option(help: "assign: the due date, YYYY-MM-DD.")
    var due: String?

    @Option(help: "comment: the text; dismiss: the reason (required); acknowledge, assign, undismiss: an optional note.")
    var text: String?

    @Option(help: "The hub's ROUTER endpoint, for example tcp://127.0.0.1:5555.")
    var connect: String

    @Option(help: "Give up if the hub has not answered within this many seconds.")
    var timeout: Double = 30

    @Option(help: "This party's secret key file (klimatnav keys generate --party ID): turns on CURVE.")
    var key: String?

    @Option(name: .customLong("hub-key"), help: "The hub's public key: a .pub file or 40 characters of Z85.")
    var hubKey: String?

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        _ = try followUp()
        if (key == nil) != (hubKey == nil) { throw ValidationError("--key and --hub-key go together (CURVE needs both)") }
    }

    /// The message, or a validation error naming the option at fault.
    func followUp() throws -> GapFollowUp {
        guard let by = PartyID(party) else {
            throw ValidationError("--party '\(party)' is not a party id (lowercase ASCII letters, digits, '-')")
        }
        var assigneeID: PartyID?
        if let assignee {
            guard let id = PartyID(assignee) else { throw ValidationError("--assignee '\(assignee)' is not a party id") }
            assigneeID = id
        }
        if action != .assign, assignee != nil || role != nil || due != nil {
            throw ValidationError("--assignee, --role and --due go with 'assign' only")
        }
        let followUp = GapFollowUp(gap: gap, action: action, by: by, assignee: assigneeID, role: role, due: due, text: text)
        if let problem = followUp.problem { throw ValidationError(problem) }
        return followUp
    }

    func run() async throws {
        let followUp = try followUp()
        let logger = logging.logger("klimatnav.followup.\(party)")
        let curve = try HubSecurityOptions.client(key: key, hubKey: hubKey)
        let deliveries = try await OneShotSender.send(
            [.gapFollowedUp(followUp)], as: followUp.by, to: connect, curve: curve, timeout: timeout, logger: logger)
        for delivery in deliveries {
            switch delivery {
            case .acknowledged(let sequence, _):
                print("\(party): \(action.rawValue) on \(gap): acknowledged by the hub (sequence \(sequence))")
            case .refused(_, let code, let reason):
                print("\(party): \(action.rawValue) on \(gap): refused: \(code.rawValue): \(reason)")
                throw ExitCode(1)
            }
        }
    }
}
