import Foundation
import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// Section 17 of the spec: texts are Swedish with an optional English field beside them; a
/// body from before the field (single-language) is still accepted, as Swedish only.
@Suite struct BilingualBodyTests {
    static let oldBody = Array(
        #"{"area":"municipality","basis":"unstated","id":"lund.x","orientation":"geographic","party":"lund","status":"adopted","text":"Klimatneutralt 2030","word":"climate-neutral"}"#
            .utf8)

    @Test func aSingleLanguageGoalBodyIsAcceptedAsSwedishOnly() throws {
        let generic = try BodyCoder.decode(DomainBody.self, from: Self.oldBody, eventName: "goal")
        guard case .goalAsserted(let goal) = generic.event else { Issue.record("not a goal: \(generic.event)"); return }
        #expect(goal.text == "Klimatneutralt 2030" && goal.textEn == nil)
        #expect(goal.englishText == "Klimatneutralt 2030")
        #expect(GoalBodyReader.read(Self.oldBody) == goal)
    }

    @Test func theEnglishFieldTravelsBesideTheSwedish() throws {
        let barrier = RegulatoryBarrier(
            id: "b", title: "Systemgränsen för energi", instrument: "ellagen", changeLevel: .national,
            reportedBy: ["lund"], titleEn: "The energy system boundary", instrumentEn: "the Electricity Act")
        let message = WireMessage.domain(DomainMessage(sequence: 1, event: .barrierReported(barrier)))
        let frames = try WireCodec.encode(message)
        let body = String(decoding: frames[3], as: UTF8.self)
        #expect(body.contains(#""instrument":"ellagen","instrumentEn":"the Electricity Act""#))
        #expect(body.contains(#""title":"Systemgränsen för energi","titleEn":"The energy system boundary""#))
        #expect(try WireCodec.decode(frames: frames) == message)
    }

    @Test func anEnglishFieldWithoutTheSwedishOneIsRefused() {
        let body = Array(
            #"{"area":"municipality","basis":"unstated","id":"lund.x","orientation":"geographic","party":"lund","status":"adopted","textEn":"Climate-neutral by 2030"}"#
                .utf8)
        #expect(GoalBodyReader.read(body) == nil)
        #expect(throws: WireError.self) { try BodyCoder.decode(DomainBody.self, from: body, eventName: "goal") }
    }
}
