import Foundation
import KlimatnavCore
import KlimatnavNode
import KlimatnavReport
import KlimatnavStore
import ServiceLifecycle
import ZeroMQ

extension NodeCommand {
    /// The long-lived node (``PartyService``) until SIGTERM or SIGINT.
    func runService(db: String, publisher: String) async throws {
        let logger = logging.logger("klimatnav.node.\(party)")
        guard let id = PartyID(party) else { throw CLIError("'\(party)' is not a party id") }
        let paths = NodePaths(replica: db)
        if let problem = paths.socketProblem { throw CLIError(problem) }
        let context = try ZeroMQContext()
        let service: PartyService
        do {
            var options = PartyService.Options(
                party: id, hub: connect, publisher: publisher, paths: paths, curve: try HubSecurityOptions.client(key: key, hubKey: hubKey))
            let catalogue = Catalogue(lang ?? .fromEnvironment())
            options.onGap = { event, state in emit(Self.gapLine(event, state: state, party: id, catalogue)) }
            options.partyFile = partyFile
            options.onNote = { emit($0) }
            service = try await PartyService(context: context, options: options, logger: logger)
        } catch {
            await context.shutdownAndWait()
            throw CLIError("the node for '\(party)' could not start: \(error)")
        }
        if key == nil { logger.warning("no --key: connecting without CURVE; a CURVE hub will not answer") }
        // Scripts and tests wait for this line.
        emit("node \(party) up: replica \(db), say socket \(paths.endpoint), hub \(connect)")
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        let served = await capture { try await group.run() }
        service.shutdown()
        await context.shutdownAndWait()
        service.release()
        try served.get()
    }

    /// One line for a gap that names the node's party: what changed, the gap in words, its id.
    static func gapLine(_ event: GapEvent, state: WorldState, party: PartyID, _ c: Catalogue) -> String {
        let sv = c.language == .sv
        let what: String
        switch event.change {
        case .opened: what = sv ? "nytt glapp som rör \(party)" : "gap opened concerning \(party)"
        case .changed: what = sv ? "ändrat glapp som rör \(party)" : "gap changed concerning \(party)"
        case .resolved: what = sv ? "åtgärdat glapp som rör \(party)" : "gap closed concerning \(party)"
        }
        let sentence = sv ? GapSentence.text(event.gap, in: state, c) : event.gap.summary
        return "\(what): \(sentence) (id \(event.gap.id))"
    }
}
