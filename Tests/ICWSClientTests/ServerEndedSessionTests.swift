import ICWSSimulator
import ICWSWire
import Testing
@testable import ICWSClient

/// The server drops the session and says so with a `connectionStateChangeMessage` (state 2, down).
@Suite struct ServerEndedSessionTests {
    @Test(arguments: [FeedTransport.serverSentEvents, .polling])
    func feedLogsInAgainAndKeepsDelivering(transport: FeedTransport) async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            let first = try await session.connect()
            var probe = try await FeedProbe.watching(jobNamed: "survivor", session: session,
                                                     simulator: fixture.simulator, transport: transport)

            #expect(await fixture.simulator.endSessions(reason: "Logged off by an administrator.") == 1)
            // The re-login PUTs the subscription again: its full status arrives on the new session.
            _ = try await probe.nextStatus { $0.state == .submitted }
            #expect(await session.info?.sessionId != first.sessionId)
            try await probe.expectAdvanceArrives()
            await probe.feed.stop()
        }
        #expect(log.count(containing: "reported the session down") == 1, "the message, not a 401, started the re-login")
        #expect(log.count(containing: "-> 401") == 0, "requests: \(log.all)")
        #expect(log.count(containing: "POST /icws/connection?include=features") == 2)
    }
}
