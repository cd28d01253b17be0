import Foundation
import KlimatnavCore

@testable import KlimatnavPlaybook

/// A small valid playbook; tests break it line by line. Line numbers below are relied upon.
enum Fixtures {
    static let small = """
        playbook: small-test
        version: 1
        title: "A small test"
        asOf: 2021-10-01
        source: "test"
        parties:
          - { id: goteborg, kind: municipality, name: "Göteborg", population: 600000 }
          - { id: malmo, kind: municipality, name: "Malmö" }
          - { id: energimyndigheten, kind: agency, name: "Energimyndigheten" }
          - { id: viable-cities, kind: coordinator, name: "Viable Cities" }
          - { id: sweden, kind: reference, level: national, name: "Sweden" }
          - { id: vgr, kind: regional-hub, name: "Västra Götalandsregionen" }
        memberships:
          - { hub: vgr, member: goteborg }
        goals:
          - id: goteborg.interim
            party: goteborg
            reductionPercent: 50
            baseYear: 1990
            targetYear: 2025
            interimOf: goteborg.near-zero-2030
          - id: goteborg.near-zero-2030
            party: goteborg
            word: near-zero
            scopes: [1, 2, 3]
            targetYear: 2030
          - { id: sweden.net-zero-2045, party: sweden, word: climate-neutral, targetYear: 2045, scopes: [1, 2] }
        commitments:
          - { party: goteborg, section: 3.8, summary: "Follow-up system" }
          - { party: malmo, section: "3.7", status: absent }
        roadmaps:
          - { id: lfm2030, owner: malmo, name: "LFM2030", sector: construction, targetYear: 2030, parent: construction }
          - { id: construction, owner: energimyndigheten, name: "Construction roadmap", level: industry, targetYear: 2045 }
        investmentAreas:
          - { id: goteborg.hydrogen, party: goteborg, topic: hydrogen, title: "Hydrogen infrastructure", needsLevels: [national, eu] }
        claims:
          - { party: energimyndigheten, topic: hydrogen }
        barriers:
          - id: energy-system-boundary
            title: "Energy system boundary at a single building"
            changeLevel: national
            reportedBy: [goteborg, malmo]
            affectedTopics: [solar]
        policyLabs:
          - { id: lab-1, barrier: energy-system-boundary, parties: [goteborg, energimyndigheten] }
        timeline:
          - at: 2022-03-01
            from: energimyndigheten
            message: barrier.assign
            body: { barrier: energy-system-boundary, agency: energimyndigheten }
          - at: 2022-03-01T10:00:00Z
            from: malmo
            message: goal
            body: { id: malmo.renewable-2030, party: malmo, word: renewable, targetYear: 2030 }
        """

    /// `small` with line `number` (1-based) replaced by `text`.
    static func small(replacingLine number: Int, with text: String) -> String {
        var lines = small.components(separatedBy: "\n")
        lines[number - 1] = text
        return lines.joined(separator: "\n")
    }

    /// The line number of the first line of `small` containing `fragment`.
    static func line(of fragment: String) -> Int {
        (small.components(separatedBy: "\n").firstIndex { $0.contains(fragment) } ?? -1) + 1
    }

    static func diagnostics(_ yaml: String) -> [PlaybookError.Diagnostic] {
        PlaybookLoader.diagnose(yaml: yaml, file: "test.yaml")
    }
}
