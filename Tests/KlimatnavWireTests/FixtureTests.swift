import Foundation
import Testing

@testable import KlimatnavWire

/// The worked examples of `Protocols/klimatnav-wire-v1.md`, byte for byte.
@Suite struct FixtureTests {
    @Test(arguments: Fixtures.expected.map(\.name))
    func fixtureDecodesAndEncodesBack(_ name: String) throws {
        let expected = try #require(Fixtures.expected.first { $0.name == name }).message
        let text = try String(contentsOf: Fixtures.url(name), encoding: .utf8)
        let frames = Fixtures.frames(hex: text)
        #expect(try WireCodec.decode(frames: frames) == expected)
        #expect(try WireCodec.encode(expected) == frames)
        #expect(Fixtures.hex(frames) == text)
    }

    @Test(arguments: Fixtures.expected.map(\.name))
    func specShowsTheFixtureBytes(_ name: String) throws {
        let spec = try String(contentsOf: Fixtures.protocolsDirectory.appendingPathComponent("klimatnav-wire-v1.md"), encoding: .utf8)
        let fixture = try String(contentsOf: Fixtures.url(name), encoding: .utf8)
        let marker = try #require(spec.range(of: "fixtures/\(name).hex`"), "the spec does not name fixtures/\(name).hex")
        let open = try #require(spec.range(of: "```hex\n", range: marker.upperBound..<spec.endIndex))
        let close = try #require(spec.range(of: "```", range: open.upperBound..<spec.endIndex))
        #expect(String(spec[open.upperBound..<close.lowerBound]) == fixture)
    }

    /// Writes the fixture files from the codec; run once with KLIMATNAV_WRITE_FIXTURES=1.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KLIMATNAV_WRITE_FIXTURES"] == "1"))
    func writeFixtures() throws {
        for (name, message) in Fixtures.expected {
            try Fixtures.hex(try WireCodec.encode(message)).write(to: Fixtures.url(name), atomically: true, encoding: .utf8)
        }
    }

    /// Writes every sample message as a hex file into KLIMATNAV_SAMPLES_DIR, for
    /// `Protocols/schema/check.py` to validate against the JSON Schemas.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["KLIMATNAV_SAMPLES_DIR"] != nil))
    func writeSamplesForSchemaCheck() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["KLIMATNAV_SAMPLES_DIR"]!)
        for (index, message) in Samples.messages.enumerated() {
            let url = directory.appendingPathComponent("\(index)-\(message.type).hex")
            try Fixtures.hex(try WireCodec.encode(message)).write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
