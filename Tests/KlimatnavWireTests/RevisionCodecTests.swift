import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// The `revision` domain message: its body, its schema file, and who may send it.
@Suite struct RevisionCodecTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func bodyIsCanonical() throws {
        let message = WireMessage.domain(DomainMessage(sequence: 3, event: .revisionClosed(Revision(id: "2021", date: "2021-10-01"))))
        let frames = try WireCodec.encode(message)
        #expect(String(decoding: frames[1], as: UTF8.self) == "revision")
        #expect(String(decoding: frames[3], as: UTF8.self) == #"{"date":"2021-10-01","id":"2021"}"#)
        #expect(try WireCodec.decode(frames: frames) == message)
    }

    @Test func titleIsOptionalAndKept() throws {
        let frames = Samples.frames("revision", #"{"id":"2022","date":"2022-10-01","title":"Revision 2022 – Umeå"}"#)
        guard case .domain(let domain) = try WireCodec.decode(frames: frames) else { Issue.record("not a domain message"); return }
        #expect(domain.event == .revisionClosed(Revision(id: "2022", date: "2022-10-01", title: "Revision 2022 – Umeå")))
    }

    @Test func englishTitleFollowsTheSwedishOne() throws {
        let revision = Revision(
            id: "2021", date: "2021-10-19", title: "Revision 2021 (enligt rapporten)", titleEn: "Revision 2021 (as of the report)")
        let message = WireMessage.domain(DomainMessage(sequence: 1, event: .revisionClosed(revision)))
        let frames = try WireCodec.encode(message)
        #expect(
            String(decoding: frames[3], as: UTF8.self)
                == #"{"date":"2021-10-19","id":"2021","title":"Revision 2021 (enligt rapporten)","titleEn":"Revision 2021 (as of the report)"}"#
        )
        #expect(try WireCodec.decode(frames: frames) == message)
    }

    @Test func missingDateIsRefused() {
        #expect(throws: WireError.self) { try WireCodec.decode(frames: Samples.frames("revision", #"{"id":"2021"}"#)) }
    }

    @Test func onlyTheCoordinatorClosesARevision() throws {
        var state = WorldState()
        let coordinator = Party(id: "viable-cities", kind: .coordinator, level: .national, name: "Viable Cities")
        let lund = Party(id: "lund", kind: .municipality, level: .local, name: "Lund")
        try state.apply(.partyRegistered(coordinator))
        try state.apply(.partyRegistered(lund))
        let event = DomainEvent.revisionClosed(Revision(id: "2021", date: "2021-10-01"))
        #expect(Authorization.check(event, from: coordinator, in: state) == nil)
        #expect(Authorization.check(event, from: lund, in: state) != nil)
        #expect(event.actingParty == nil)
    }

    @Test func stateKeepsTheFirstClosingAndRefusesBadValues() throws {
        var state = WorldState()
        try state.apply(.revisionClosed(Revision(id: "2021", date: "2021-10-01", title: "first")))
        try state.apply(.revisionClosed(Revision(id: "2021", date: "2021-12-01", title: "again")))
        #expect(state.revisions["2021"]?.title == "first")
        #expect(throws: StateError.self) { try state.apply(.revisionClosed(Revision(id: "20 21", date: "2021-10-01"))) }
        #expect(throws: StateError.self) { try state.apply(.revisionClosed(Revision(id: "2022", date: "1 oct"))) }
        // Snapshots carry revisions, so a replica rebuilt from one knows them.
        #expect(try WorldState(applying: state.events()).revisions == state.revisions)
    }

    @Test func schemaFileNamesTheRevisionDefinition() throws {
        let url = Self.root.appendingPathComponent("Protocols/schema/events/revision.schema.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("#/$defs/Revision"))
        let common = try String(contentsOf: Self.root.appendingPathComponent("Protocols/schema/common.schema.json"), encoding: .utf8)
        #expect(common.contains("\"revision\""))
    }
}
