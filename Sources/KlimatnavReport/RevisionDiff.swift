import Foundation
import KlimatnavCore
import KlimatnavStore

/// What changed between two closed revisions, per party and contract section: goals added,
/// withdrawn, adopted, tightened or loosened; sections added, removed or changed; barriers
/// reported, acknowledged, assigned, resolved; roadmaps, memberships, claims, policy labs; and
/// the gaps that opened or closed between the two.
public struct RevisionDiff: Sendable {
    /// One change. `code` is stable (for JSON and tests); `text` is in the chosen language.
    public struct Change: Sendable, Hashable, Codable {
        /// The party the change belongs to; `nil` for programme-wide changes.
        public var party: String?
        /// The contract section it concerns (`3.1` for goals), where there is one.
        public var section: String?
        /// `goal-added`, `goal-withdrawn`, `goal-adopted`, `goal-tightened`, `goal-loosened`,
        /// `goal-changed`, `section-added`, `section-removed`, `section-status`, `section-text`,
        /// `barrier-reported`, `barrier-acknowledged`, `barrier-assigned`, `barrier-resolved`,
        /// `barrier-agency`, `barrier-removed`, `roadmap-added`, `roadmap-removed`,
        /// `roadmap-changed`, `membership-joined`, `membership-left`, `claim-added`,
        /// `claim-removed`, `area-added`, `lab-opened`, `lab-closed`.
        public var code: String
        /// The id of what changed (a goal, section, barrier, roadmap, hub, lab).
        public var subject: String
        public var text: String
        /// Parties the change involves (for `--party`).
        public var involves: [String]
    }

    public var from: RevisionSnapshot
    public var to: RevisionSnapshot
    public var language: Language
    /// Changes, grouped by party (programme-wide last) then section.
    public var changes: [Change]
    public var gapsOpened: [Gap]
    public var gapsClosed: [Gap]
    /// The party the diff is restricted to, if any.
    public var party: PartyID?

    public init(
        from: RevisionSnapshot, to: RevisionSnapshot, party: PartyID? = nil, language: Language = .en,
        configuration: GapConfiguration = GapConfiguration()
    ) throws(StateError) {
        self.from = from
        self.to = to
        self.language = language
        self.party = party
        let old = try from.state(), new = try to.state()
        let c = Catalogue(language)
        var changes = Self.changes(old: old, new: new, c: c, normalizer: GoalNormalizer(configuration: configuration))
        let oldGaps = Dictionary(from.gaps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newGaps = Dictionary(to.gaps.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var opened = to.gaps.filter { oldGaps[$0.id] == nil }
        var closed = from.gaps.filter { newGaps[$0.id] == nil }
        if let party {
            changes = changes.filter { $0.party == party.rawValue || $0.involves.contains(party.rawValue) }
            opened = opened.filter { $0.parties.contains(party) }
            closed = closed.filter { $0.parties.contains(party) }
        }
        self.changes = changes
        gapsOpened = opened
        gapsClosed = closed
        names = Dictionary(
            (old.parties.merging(new.parties) { _, last in last }).map {
                ($0.key.rawValue, PartyText.plain($0.value.name, $0.value.nameEn, language))
            },
            uniquingKeysWith: { first, _ in first })
        oldState = old
        newState = new
    }

    private var names: [String: String]
    private var oldState: WorldState
    private var newState: WorldState

    // MARK: Computing changes

    static func changes(old: WorldState, new: WorldState, c: Catalogue, normalizer: GoalNormalizer) -> [Change] {
        var out: [Change] = []
        func add(_ party: PartyID?, _ section: String?, _ code: String, _ subject: String, _ text: String, involves: [PartyID] = []) {
            out.append(
                Change(
                    party: party?.rawValue, section: section, code: code, subject: subject, text: text,
                    involves: Array(Set(involves.map(\.rawValue) + (party.map { [$0.rawValue] } ?? []))).sorted()))
        }
        // What parties wrote, in the page's language where they gave it (else their Swedish).
        func own(_ sv: String, _ en: String?) -> String { PartyText.plain(sv, en, c.language) }
        func name(_ id: PartyID, in state: WorldState) -> String { state.parties[id].map { own($0.name, $0.nameEn) } ?? id.rawValue }
        func goalText(_ goal: Goal) -> String {
            GoalTable.label(goal, c) + (goal.targetYear.map { " \($0)" } ?? "") + " [\(goal.id)]"
        }
        // Goals (section 3.1).
        for id in Set(old.goals.keys).union(new.goals.keys).sorted() {
            switch (old.goals[id], new.goals[id]) {
            case (nil, let goal?):
                add(goal.party, "3.1", "goal-added", id, c.format(.diffGoalAdded, goalText(goal)))
            case (let goal?, nil):
                add(goal.party, "3.1", "goal-withdrawn", id, c.format(.diffGoalWithdrawn, goalText(goal)))
            case (let before?, let after?) where before != after:
                var details: [String] = []
                if before.targetYear != after.targetYear {
                    details.append(
                        c.format(.diffTargetYear, before.targetYear.map(String.init) ?? "–", after.targetYear.map(String.init) ?? "–"))
                }
                if before.word != after.word {
                    details.append(c.format(.diffWord, before.word.map(c.goalWord) ?? "–", after.word.map(c.goalWord) ?? "–"))
                }
                let oldRate = normalizer.reading(of: before).rateFromCurrentYear,
                    newRate = normalizer.reading(of: after).rateFromCurrentYear
                if oldRate != newRate {
                    details.append(
                        c.format(.diffRate, oldRate.map { c.rate($0, decimals: 1) } ?? "–", newRate.map { c.rate($0, decimals: 1) } ?? "–"))
                }
                if before.reductionPercent != after.reductionPercent || before.perCapitaTonnes != after.perCapitaTonnes {
                    details.append(c.format(.diffNumber, GoalTable.label(before, c), GoalTable.label(after, c)))
                }
                let detail = details.joined(separator: "; ")
                if before.status == .proposed, after.status == .adopted {
                    add(
                        after.party, "3.1", "goal-adopted", id,
                        c.format(.diffGoalAdopted, goalText(after)) + (detail.isEmpty ? "" : " (\(detail))"))
                } else if normalizer.isSharper(after, than: before) {
                    add(after.party, "3.1", "goal-tightened", id, c.format(.diffGoalTightened, goalText(after), detail))
                } else if normalizer.isSharper(before, than: after) {
                    add(after.party, "3.1", "goal-loosened", id, c.format(.diffGoalLoosened, goalText(after), detail))
                } else {
                    let what = detail.isEmpty ? (before.status != after.status ? c.commitmentStatus(.described) : c[.diffText]) : detail
                    add(after.party, "3.1", "goal-changed", id, c.format(.diffGoalChanged, goalText(after), what))
                }
            default: break
            }
        }
        // Contract sections.
        let keys = Set(old.commitments.keys).union(new.commitments.keys).sorted { ($0.party, $0.section) < ($1.party, $1.section) }
        for key in keys {
            let section = key.section.rawValue
            let label = "\(section) \(c.section(key.section))"
            switch (old.commitments[key], new.commitments[key]) {
            case (nil, let commitment?):
                add(key.party, section, "section-added", section, c.format(.diffSectionAdded, label, c.commitmentStatus(commitment.status)))
            case (.some, nil):
                add(key.party, section, "section-removed", section, c.format(.diffSectionRemoved, label))
            case (let before?, let after?) where before != after:
                if before.status != after.status {
                    add(
                        key.party, section, "section-status", section,
                        c.format(.diffSectionStatus, label, c.commitmentStatus(before.status), c.commitmentStatus(after.status)))
                } else {
                    add(key.party, section, "section-text", section, c.format(.diffSectionText, label))
                }
            default: break
            }
        }
        // Barriers: under the responsible agency (or programme-wide), involving the reporters.
        for id in Set(old.barriers.keys).union(new.barriers.keys).sorted() {
            let before = old.barriers[id], after = new.barriers[id]
            let owner = after?.responsibleAgency ?? before?.responsibleAgency
            let involved =
                (before?.reportedBy ?? []) + (after?.reportedBy ?? [])
                + [after?.responsibleAgency, before?.responsibleAgency].compactMap { $0 }
            switch (before, after) {
            case (nil, let barrier?):
                add(
                    owner, nil, "barrier-reported", id, c.format(.diffBarrierReported, own(barrier.title, barrier.titleEn)),
                    involves: involved)
                if barrier.status != .reported {
                    add(
                        owner, nil, "barrier-\(barrier.status.rawValue)", id,
                        c.format(
                            .diffBarrierStatus, own(barrier.title, barrier.titleEn), c.barrierStatus(.reported),
                            c.barrierStatus(barrier.status)),
                        involves: involved)
                }
            case (let barrier?, nil):
                add(
                    owner, nil, "barrier-removed", id, c.format(.diffBarrierRemoved, own(barrier.title, barrier.titleEn)),
                    involves: involved)
            case (let before?, let after?):
                if before.status != after.status {
                    add(
                        owner, nil, "barrier-\(after.status.rawValue)", id,
                        c.format(
                            .diffBarrierStatus, own(after.title, after.titleEn), c.barrierStatus(before.status),
                            c.barrierStatus(after.status)),
                        involves: involved)
                }
                if before.responsibleAgency != after.responsibleAgency, let agency = after.responsibleAgency {
                    add(
                        owner, nil, "barrier-agency", id,
                        c.format(.diffBarrierAgency, own(after.title, after.titleEn), name(agency, in: new)), involves: involved)
                }
            default: break
            }
        }
        // Roadmaps.
        for id in Set(old.roadmaps.keys).union(new.roadmaps.keys).sorted() {
            switch (old.roadmaps[id], new.roadmaps[id]) {
            case (nil, let roadmap?):
                add(
                    roadmap.owner, nil, "roadmap-added", id, c.format(.diffRoadmapAdded, own(roadmap.name, roadmap.nameEn)),
                    involves: roadmap.signatories)
            case (let roadmap?, nil):
                add(
                    roadmap.owner, nil, "roadmap-removed", id, c.format(.diffRoadmapRemoved, own(roadmap.name, roadmap.nameEn)),
                    involves: roadmap.signatories)
            case (let before?, let after?) where before != after:
                var details: [String] = []
                if before.targetYear != after.targetYear {
                    details.append(
                        c.format(.diffTargetYear, before.targetYear.map(String.init) ?? "–", after.targetYear.map(String.init) ?? "–"))
                }
                if before.milestones != after.milestones {
                    details.append(c.format(.diffMilestones, "\(before.milestones.count)", "\(after.milestones.count)"))
                }
                if before.signatories != after.signatories {
                    details.append(c.list(after.signatories.map { name($0, in: new) }))
                }
                add(
                    after.owner, nil, "roadmap-changed", id,
                    c.format(.diffRoadmapChanged, own(after.name, after.nameEn), details.joined(separator: "; ")),
                    involves: before.signatories + after.signatories)
            default: break
            }
        }
        // Memberships (under the member; section 3.7).
        for membership in new.memberships.subtracting(old.memberships).sorted(by: { ($0.member, $0.hub) < ($1.member, $1.hub) }) {
            add(
                membership.member, "3.7", "membership-joined", membership.hub.rawValue,
                c.format(.diffMembershipJoined, name(membership.hub, in: new)), involves: [membership.hub])
        }
        for membership in old.memberships.subtracting(new.memberships).sorted(by: { ($0.member, $0.hub) < ($1.member, $1.hub) }) {
            add(
                membership.member, "3.7", "membership-left", membership.hub.rawValue,
                c.format(.diffMembershipLeft, name(membership.hub, in: old)), involves: [membership.hub])
        }
        // Responsibility claims and investment areas.
        for claim in new.claims.subtracting(old.claims).sorted(by: { ($0.party, $0.topic) < ($1.party, $1.topic) }) {
            add(claim.party, nil, "claim-added", claim.topic, c.format(.diffClaimAdded, claim.topic))
        }
        for claim in old.claims.subtracting(new.claims).sorted(by: { ($0.party, $0.topic) < ($1.party, $1.topic) }) {
            add(claim.party, nil, "claim-removed", claim.topic, c.format(.diffClaimRemoved, claim.topic))
        }
        for id in Set(new.investmentAreas.keys).subtracting(old.investmentAreas.keys).sorted() {
            if let area = new.investmentAreas[id] {
                add(area.party, "3.5", "area-added", id, c.format(.diffAreaAdded, own(area.title, area.titleEn)))
            }
        }
        // Policy labs (programme-wide, involving their parties).
        for id in Set(old.policyLabs.keys).union(new.policyLabs.keys).sorted() {
            let before = old.policyLabs[id], after = new.policyLabs[id]
            if let after, before == nil || (before?.status != .open && after.status == .open) {
                add(nil, nil, "lab-opened", id, c.format(.diffLabOpened, id), involves: after.parties)
            } else if let before, before.status == .open, after?.status != .open {
                add(nil, nil, "lab-closed", id, c.format(.diffLabClosed, id), involves: before.parties)
            }
        }
        return out.sorted { lhs, rhs in
            let l = (lhs.party == nil ? 1 : 0, lhs.party ?? "", lhs.section ?? "~", lhs.code, lhs.subject)
            let r = (rhs.party == nil ? 1 : 0, rhs.party ?? "", rhs.section ?? "~", rhs.code, rhs.subject)
            return l < r
        }
    }

    // MARK: Rendering

    /// The changes as the text and HTML show them: one group per party (programme-wide last),
    /// within it one group per contract section (changes without a section last).
    public struct PartyGroup: Sendable {
        /// The party's id, `nil` for programme-wide changes.
        public var party: String?
        public var title: String
        public var sections: [SectionGroup]
    }

    public struct SectionGroup: Sendable {
        public var section: String?
        /// "3.1 climate goals", `nil` for changes without a section.
        public var title: String?
        public var changes: [Change]
    }

    public var groups: [PartyGroup] {
        let c = Catalogue(language)
        var out: [PartyGroup] = []
        for change in changes {
            if out.last.map({ $0.party != change.party }) ?? true {
                out.append(PartyGroup(party: change.party, title: change.party.map { names[$0] ?? $0 } ?? c[.diffGeneral], sections: []))
            }
            if out[out.count - 1].sections.last.map({ $0.section != change.section }) ?? true {
                let title = change.section.map { section in
                    ContractSection(rawValue: section).map { "\(section) \(c.section($0))" } ?? section
                }
                out[out.count - 1].sections.append(SectionGroup(section: change.section, title: title, changes: []))
            }
            out[out.count - 1].sections[out[out.count - 1].sections.count - 1].changes.append(change)
        }
        return out
    }

    /// The sentence for a gap that opened or closed, read in the revision where its topic exists.
    public func sentence(_ gap: Gap) -> String {
        GapSentence.text(gap, in: newState.goals[gap.topic] != nil ? newState : oldState, Catalogue(language))
    }

    /// Plain text for a terminal.
    public func text() -> String {
        let c = Catalogue(language)
        var out = c.format(.diffHeading, from.revision.id, to.revision.id) + " (\(from.revision.date) → \(to.revision.date))\n"
        if changes.isEmpty, gapsOpened.isEmpty, gapsClosed.isEmpty { return out + "\n" + c[.diffNoChanges] + "\n" }
        for group in groups {
            out += "\n" + group.title + "\n"
            for section in group.sections {
                if let title = section.title { out += "  \(title)\n" }
                for change in section.changes { out += (section.section == nil ? "  - " : "    - ") + change.text + "\n" }
            }
        }
        for (title, gaps) in [(c[.diffGapsOpened], gapsOpened), (c[.diffGapsClosed], gapsClosed)] where !gaps.isEmpty {
            out += "\n\(title) (\(gaps.count))\n"
            for gap in gaps {
                out += "  - [\(c.gapKind(gap.kind))] \(sentence(gap))\n    \(gap.id)\n"
            }
        }
        return out
    }

    /// An HTML fragment (a `<section id="diff">`): the same content as ``text()``, with each
    /// change's `data-code` and each gap's `data-gap`. `partyLink` links the party headings.
    public func html(partyLink: (String) -> String? = { _ in nil }) -> String {
        let c = Catalogue(language), e = HTML.escape
        var out = "<section id=\"diff\"><h2>\(e(c.format(.diffHeading, from.revision.id, to.revision.id)))</h2>"
        out += "<p class=\"muted\">\(e(from.revision.date)) → \(e(to.revision.date))</p>\n"
        if changes.isEmpty, gapsOpened.isEmpty, gapsClosed.isEmpty { return out + "<p>\(e(c[.diffNoChanges]))</p></section>\n" }
        for group in groups {
            let title = group.party.flatMap(partyLink).map { "<a href=\"\(e($0))\">\(e(group.title))</a>" } ?? e(group.title)
            out += "<h3 data-party=\"\(e(group.party ?? ""))\">\(title)</h3>\n"
            for section in group.sections {
                if let sectionTitle = section.title { out += "<h4>\(e(sectionTitle))</h4>" }
                out +=
                    "<ul class=\"changes\">" + section.changes.map { "<li data-code=\"\(e($0.code))\">\(e($0.text))</li>" }.joined()
                    + "</ul>\n"
            }
        }
        for (title, gaps) in [(c[.diffGapsOpened], gapsOpened), (c[.diffGapsClosed], gapsClosed)] where !gaps.isEmpty {
            out += "<h3>\(e(title)) (\(gaps.count))</h3><ul class=\"gaps\">"
            for gap in gaps {
                out +=
                    "<li data-gap=\"\(e(gap.id))\"><span class=\"kind\">\(e(c.gapKind(gap.kind)))</span> \(e(sentence(gap))) <code class=\"muted\">\(e(gap.id))</code></li>"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// JSON: `{"from", "to", "party", "changes": [...], "gapsOpened": [...], "gapsClosed": [...]}`.
    public func json() throws -> String {
        struct GapJSON: Codable { var id: String; var kind: String; var parties: [String]; var summary: String }
        struct Body: Codable {
            var from: Revision
            var to: Revision
            var party: String?
            var changes: [Change]
            var gapsOpened: [GapJSON]
            var gapsClosed: [GapJSON]
        }
        func gap(_ g: Gap) -> GapJSON { GapJSON(id: g.id, kind: g.kind.rawValue, parties: g.parties.map(\.rawValue), summary: g.summary) }
        let body = Body(
            from: from.revision, to: to.revision,
            party: party?.rawValue, changes: changes, gapsOpened: gapsOpened.map(gap), gapsClosed: gapsClosed.map(gap))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(body), as: UTF8.self) + "\n"
    }
}
