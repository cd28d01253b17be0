import Foundation
import KlimatnavCore
import KlimatnavStore
import KlimatnavWire
import Testing
import ZeroMQ

@testable import KlimatnavNode

/// A read-only subscriber key (wire spec 11.4): the PUB feed admits it, the ROUTER does not.
/// Nested in HubTests (serialized) so hubs do not pile up on a 2-core machine.
extension HubTests {
    @Suite(.timeLimit(.minutes(5))) struct SubscriberKeyTests {
        /// A socket of `type` connected to `endpoint` as a CURVE client, with a monitor.
        func monitored(
            _ fixture: SecureHubFixture, _ type: SocketType, _ endpoint: String, _ curve: CurveClient
        ) throws -> (AsyncSocket, SocketMonitor) {
            var monitor: SocketMonitor?
            let socket = try AsyncSocket(fixture.context, type: type) { socket in
                try socket.set(.linger, 0)
                if type == .sub { try socket.subscribe() }
                try curve.configure(socket)
                monitor = try SocketMonitor.start(on: socket)
                try socket.connect(endpoint)
            }
            return (socket, try #require(monitor))
        }

        /// The first handshake outcome the monitor reports (`nil` if none within 10 s).
        func outcome(_ monitor: SocketMonitor) async -> SocketEvent? {
            let outcomes: Set<SocketEvent.Kind> = [
                .handshakeSucceeded, .handshakeFailedAuth, .handshakeFailedProtocol, .handshakeFailedNoDetail,
            ]
            return await within(10) {
                for try await event in monitor.events where outcomes.contains(event.kind) { return event }
                return nil
            }
        }

        /// The first message on `socket` that decodes as `match`, within `seconds`.
        func first<T: Sendable>(_ socket: AsyncSocket, within seconds: Double, _ match: @escaping @Sendable (WireMessage) -> T?) async -> T?
        {
            await within(seconds) {
                for try await batch in socket.batches {
                    for received in batch {
                        if let message = try? WireCodec.decode(frames: received.frames), let found = match(message) { return found }
                    }
                }
                return nil
            }
        }

        func within<T: Sendable>(_ seconds: Double, _ body: @escaping @Sendable () async throws -> T?) async -> T? {
            await withTaskGroup(of: T?.self) { group in
                group.addTask { try? await body() }
                group.addTask {
                    try? await Task.sleep(for: .seconds(seconds))
                    return nil
                }
                defer { group.cancelAll() }
                return await group.next() ?? nil
            }
        }

        @Test func aSubscriberKeyReadsTheFeedAndGetsNoConnectionToTheRouter() async throws {
            let fixture = try SecureHubFixture()
            let lundKey = try fixture.makeKey("lund")
            let generated = try KeyFile.generate(name: "dashboard.subscriber", directory: fixture.nodeKeysDirectory)
            try KeyFile.writePublic(
                generated.publicKey, name: "dashboard.subscriber", to: "\(fixture.keysDirectory)/dashboard.subscriber.pub")
            let pair = try KeyFile.readSecret(generated.secretPath)
            let dashboard = CurveClient(publicKey: pair.publicKey, secretKey: pair.secretKey, serverKey: fixture.hubKeys.publicKey)
            try await fixture.startHub(publish: true)
            #expect(fixture.security.keyRing.subscriber(for: generated.publicKey.z85) == "dashboard")

            let (feed, feedMonitor) = try monitored(fixture, .sub, fixture.endpoints.publisher!, dashboard)
            defer { feed.close() }
            #expect(await outcome(feedMonitor)?.kind == .handshakeSucceeded)
            let (dealer, dealerMonitor) = try monitored(fixture, .dealer, fixture.endpoints.router!, dashboard)
            defer { dealer.close() }
            let refused = await outcome(dealerMonitor)
            #expect(refused?.kind == .handshakeFailedAuth)
            #expect(refused?.value == 400)

            // The feed is live: a heartbeat arrives (the subscription is in place), then a party's goal.
            let beat = await first(feed, within: 10) { message -> Bool? in if case .heartbeat = message { true } else { nil } }
            #expect(beat == true)
            let lund = try await fixture.link("lund", curve: lundKey)
            #expect(try await lund.deliver(.goalAsserted(.sample("lund", "a"))).isAcknowledged)
            let delta = await first(feed, within: 10) { message -> Delta? in if case .delta(let delta) = message { delta } else { nil } }
            #expect(delta?.by == "lund")

            // The refusal on the ROUTER is audited with what the key may do.
            var audited = false
            for _ in 0..<100 where !audited {
                audited = try await fixture.store().rejectedMessages().contains {
                    $0.code == HubSecurity.notAuthenticated
                        && $0.reason.contains("read-only subscriber key 'dashboard' may only subscribe to the PUB feed")
                }
                if !audited { try await Task.sleep(for: .milliseconds(100)) }
            }
            #expect(audited)
            #expect(try await fixture.store().messages().map(\.sender) == ["lund"])

            // Revoked: the hub's re-read cuts the feed, and ZAP refuses the key from then on; a
            // party's subscription is cut too and comes back (the PUB is bound again).
            let (party, partyMonitor) = try monitored(fixture, .sub, fixture.endpoints.publisher!, lundKey)
            defer { party.close() }
            #expect(await outcome(partyMonitor)?.kind == .handshakeSucceeded)
            try FileManager.default.removeItem(atPath: "\(fixture.keysDirectory)/dashboard.subscriber.pub")
            let revoked = await outcome(feedMonitor)
            #expect(revoked?.kind == .handshakeFailedAuth)
            #expect(await outcome(partyMonitor)?.kind == .handshakeSucceeded)
            await fixture.tearDown()
        }
    }
}
