import ArgumentParser

/// `klimatnav say`: hands one fact to the running long-lived node, which checks it as the
/// playbook loader would, sends it through its durable outbox and prints the hub's answer.
struct SayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "say",
        abstract:
            "Hand one fact to your running node (klimatnav node --db): a barrier, goal, claim, commitment, withdrawal or gap follow-up.",
        discussion: """
            The node checks the fact with the playbook's rules (same errors), writes it to its \
            durable outbox and prints the hub's answer: accepted, refused with the reason, or \
            queued when the hub is not reachable (it is sent when the hub returns). Keys that \
            name the sender (party, reportedBy, by) default to the node's party.
            """,
        subcommands: [SayBarrier.self, SayGoal.self, SayClaim.self, SayCommitment.self, SayWithdraw.self, SayFollowUp.self])
}
