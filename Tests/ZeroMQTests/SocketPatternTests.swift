import Testing

@testable import ZeroMQ

@Suite("Socket patterns over real transports", .timeLimit(.minutes(5)))
struct SocketPatternTests {
    @Test(arguments: Transport.allCases)
    func pushPullMultipartRoundTrip(transport: Transport) throws {
        let fixture = try Fixture()
        let pull = try fixture.socket(.pull)
        pull.readsPeerAddress = true
        let push = try fixture.socket(.push)
        try fixture.link(pull, push, over: transport)

        let sent = Message([Array("grüße 🌍".utf8), [], [0, 1, 2, 255]])
        try push.send(sent)
        let received = try pull.receive()
        #expect(received.frames == sent.frames)
        #expect(received.frames[0].count == 12)  // UTF-8 bytes, not 8 characters
        #expect(received.string(at: 0) == "grüße 🌍")
        #expect(received.userId == nil)
        if transport == .tcp { #expect(received.peerAddress == "127.0.0.1") }
    }

    @Test func tcpWildcardBindReportsThePort() throws {
        let fixture = try Fixture()
        let pull = try fixture.socket(.pull)
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try #require(pull.lastEndpoint)
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        let port = try #require(Int(endpoint.split(separator: ":").last!))
        #expect(port > 0)
    }

    @Test(arguments: Transport.allCases)
    func pubSubDeliversOnlySubscribedTopics(transport: Transport) throws {
        let fixture = try Fixture()
        let pub = try fixture.socket(.pub)
        let sub = try fixture.socket(.sub)
        try sub.subscribe("weather.")
        try fixture.link(pub, sub, over: transport)

        // A subscription takes a moment to reach the publisher (slow joiner): publish both
        // topics until the subscribed one arrives.
        var received: ReceivedMessage?
        for _ in 0..<200 where received == nil {
            try pub.send(.text("sports.score", "1-0"))
            try pub.send(.text("weather.oslo", "-3"))
            received = try sub.tryReceive()
            if received == nil {
                var poller = Poller()
                poller.add(sub)
                try poller.poll(timeout: .milliseconds(10))
                received = try sub.tryReceive()
            }
        }
        let first = try #require(received)
        #expect(first.string(at: 0) == "weather.oslo")
        #expect(first.string(at: 1) == "-3")
        // Everything else that arrived is weather too.
        while let more = try sub.tryReceive() {
            #expect(more.string(at: 0) == "weather.oslo")
        }
    }

    @Test(arguments: Transport.allCases)
    func dealerRouterRoutesRepliesByRoutingId(transport: Transport) throws {
        let fixture = try Fixture()
        let router = try fixture.socket(.router)
        let dealer = try fixture.socket(.dealer)
        try dealer.set(.routingId, Array("node-7".utf8))
        try router.set(.routerMandatory, true)
        try fixture.link(router, dealer, over: transport)

        try dealer.send(.text("hello", "world"))
        let request = try router.receive()
        #expect(request.frames.count == 3)
        #expect(request.string(at: 0) == "node-7")
        #expect(request.string(at: 2) == "world")
        #expect(request.userId == nil)

        try router.send(Message.text("reply").routed(to: request.frames[0]))
        let reply = try dealer.receive()
        #expect(reply.frames == [Array("reply".utf8)])

        // Mandatory routing: an unknown routing id is an error, not a silent drop.
        #expect(throws: ZeroMQError.hostUnreachable) {
            try router.send(Message.text("lost").routed(to: Array("nobody".utf8)))
        }
    }

    @Test(arguments: Transport.allCases)
    func pairTalksBothWays(transport: Transport) throws {
        let fixture = try Fixture()
        let a = try fixture.socket(.pair)
        let b = try fixture.socket(.pair)
        try fixture.link(a, b, over: transport)
        try b.send(.text("ping"))
        #expect(try a.receive().string(at: 0) == "ping")
        try a.send(.text("pong"))
        #expect(try b.receive().string(at: 0) == "pong")
    }

    @Test func reqRepRoundTrip() throws {
        let fixture = try Fixture()
        let rep = try fixture.socket(.rep)
        let req = try fixture.socket(.req)
        try fixture.link(rep, req, over: .inproc)
        try req.send(.text("question"))
        #expect(try rep.receive().string(at: 0) == "question")
        try rep.send(.text("answer"))
        #expect(try req.receive().string(at: 0) == "answer")
        // REQ must alternate: a second receive without a send is a state error.
        #expect(throws: ZeroMQError.invalidState) { try req.receive() }
    }

    @Test func largeMessageArrivesIntact() throws {
        let fixture = try Fixture()
        let pull = try fixture.socket(.pull)
        let push = try fixture.socket(.push)
        try fixture.link(pull, push, over: .tcp)
        let big = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try push.send(Message([Array("header".utf8), big]))
        let received = try pull.receive()
        #expect(received.frames.count == 2)
        #expect(received.frames[1].count == big.count)
        #expect(received.frames[1] == big)
    }

    @Test func oversizedMessageIsNotDeliveredButTheSmallOneBeforeItIs() throws {
        let fixture = try Fixture()
        let pull = try fixture.socket(.pull)
        try pull.set(.maxMessageSize, 1000)
        try pull.set(.receiveTimeout, 300)
        let push = try fixture.socket(.push)
        try fixture.link(pull, push, over: .tcp)

        try push.send(Message(frame: [UInt8](repeating: 1, count: 100)))
        try push.send(Message(frame: [UInt8](repeating: 2, count: 5000)))
        let small = try pull.receive()
        #expect(small.frames == [[UInt8](repeating: 1, count: 100)])
        #expect(throws: ZeroMQError.wouldBlock) { try pull.receive() }
    }

    @Test func nonblockingCallsReturnInsteadOfWaiting() throws {
        let fixture = try Fixture()
        let pull = try fixture.socket(.pull)
        try pull.bind("inproc://idle")
        #expect(try pull.tryReceive() == nil)
        let push = try fixture.socket(.push)
        // No peer yet: a PUSH would block, so the non-blocking send reports false.
        #expect(try push.trySend(.text("nobody listens")) == false)
    }

    @Test func pollerReportsReadiness() throws {
        let fixture = try Fixture()
        let pull = try fixture.socket(.pull)
        let push = try fixture.socket(.push)
        try fixture.link(pull, push, over: .inproc)
        var poller = Poller()
        let index = poller.add(pull, events: .readable)
        #expect(try poller.poll(timeout: .milliseconds(20)) == 0)
        try push.send(.text("wake"))
        #expect(try poller.poll(timeout: .seconds(2)) == 1)
        #expect(poller.events(at: index).contains(.readable))
        #expect(try pull.tryReceive()?.string(at: 0) == "wake")
    }
}
