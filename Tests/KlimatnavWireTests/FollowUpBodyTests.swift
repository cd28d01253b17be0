import KlimatnavCore
import Testing

@testable import KlimatnavWire

/// `gap.followup` bodies (protocol section 17.1) are read as strictly as every other body:
/// the fields an action does not take, nulls, duplicate keys and unknown actions are refused.
@Suite struct FollowUpBodyTests {
    private func decode(_ body: String) throws -> DomainEvent {
        guard case .domain(let message) = try WireCodec.decode(frames: Samples.frames("gap.followup", body)) else {
            throw WireError(.unknownType, "not a domain message")
        }
        return message.event
    }

    private func error(_ body: String) -> WireError? {
        do {
            _ = try decode(body)
            return nil
        } catch let error as WireError {
            return error
        } catch {
            return WireError(.internalError, "\(error)")
        }
    }

    @Test func everyActionDecodes() throws {
        let gap = "reporting-gap:enkoping:3.8"
        #expect(
            try decode(#"{"action":"acknowledge","by":"viable-cities","gap":"\#(gap)"}"#)
                == .gapFollowedUp(GapFollowUp(gap: gap, action: .acknowledge, by: "viable-cities")))
        #expect(
            try decode(#"{"action":"comment","by":"enkoping","gap":"\#(gap)","text":"Vi återkommer."}"#)
                == .gapFollowedUp(GapFollowUp(gap: gap, action: .comment, by: "enkoping", text: "Vi återkommer.")))
        #expect(
            try decode(#"{"action":"dismiss","by":"viable-cities","gap":"\#(gap)","text":"Avsnittet finns i bilagan."}"#)
                == .gapFollowedUp(GapFollowUp(gap: gap, action: .dismiss, by: "viable-cities", text: "Avsnittet finns i bilagan.")))
        #expect(
            try decode(#"{"action":"undismiss","by":"viable-cities","gap":"\#(gap)"}"#)
                == .gapFollowedUp(GapFollowUp(gap: gap, action: .undismiss, by: "viable-cities")))
        #expect(
            try decode(#"{"action":"assign","assignee":"enkoping","by":"viable-cities","gap":"\#(gap)","role":"klimatstrateg"}"#)
                == .gapFollowedUp(GapFollowUp(gap: gap, action: .assign, by: "viable-cities", assignee: "enkoping", role: "klimatstrateg")))
    }

    @Test func aFieldTheActionDoesNotTakeIsAnUnknownField() {
        #expect(
            error(#"{"action":"comment","assignee":"lund","by":"viable-cities","gap":"g","text":"x"}"#)
                == WireError(.unknownField, "", frame: 3, path: "body.assignee"))
        #expect(
            error(#"{"action":"dismiss","by":"viable-cities","due":"2027-01-01","gap":"g","text":"x"}"#)
                == WireError(.unknownField, "", frame: 3, path: "body.due"))
        #expect(
            error(#"{"action":"acknowledge","by":"viable-cities","gap":"g","priority":1}"#)
                == WireError(.unknownField, "", frame: 3, path: "body.priority"))
    }

    @Test func requiredFieldsNullsDuplicatesAndUnknownActions() {
        #expect(error(#"{"action":"dismiss","by":"viable-cities","gap":"g"}"#) == WireError(.missingField, "", frame: 3, path: "body.text"))
        #expect(
            error(#"{"action":"assign","assignee":"lund","by":"viable-cities","gap":"g"}"#)
                == WireError(.missingField, "", frame: 3, path: "body.role"))
        #expect(error(#"{"action":"comment","by":"viable-cities","gap":"g","text":null}"#)?.code == .wrongType)
        #expect(error(#"{"action":"comment","by":"viable-cities","gap":"g","gap":"h","text":"x"}"#)?.code == .badJSON)
        let unknown = error(#"{"action":"close","by":"viable-cities","gap":"g"}"#)
        #expect(unknown == WireError(.unknownValue, "", frame: 3, path: "body.action"))
        #expect(unknown?.message.contains("acknowledge, assign, comment, dismiss, undismiss") == true, "\(unknown?.message ?? "")")
        #expect(error(#"{"action":"comment","by":"Viable Cities","gap":"g","text":"x"}"#)?.code == .invalidPartyID)
    }

    @Test func unknownGapIsAStateCodeOnTheWire() {
        #expect(WireError(StateError(.unknownGap, "no gap 'g'")).code == .unknownGap)
        #expect(WireError.Code.unknownGap.number == 307)
    }
}
