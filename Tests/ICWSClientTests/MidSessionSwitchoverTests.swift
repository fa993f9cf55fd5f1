import ICWSSimulator
import ICWSWire
import Testing
@testable import ICWSClient

/// The connected host switches over while the session runs: every call (and login) there answers
/// 503 naming the partner.
@Suite struct MidSessionSwitchoverTests {
    @Test(arguments: [FeedTransport.serverSentEvents, .polling])
    func sessionAndFeedMoveToThePartner(transport: FeedTransport) async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withPartner { _ in
            try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
                let first = try await session.connect()
                #expect(first.server.host == "127.0.0.1")
                var probe = try await FeedProbe.watching(jobNamed: "switched", session: session,
                                                         simulator: fixture.simulator, transport: transport)

                await fixture.simulator.setFaults(SimulatorFaults(switchedOver: ["127.0.0.2"]))
                #expect(try await session.listJobs(count: 2).count == 2)
                let moved = try #require(await session.info)
                #expect(moved.server == ICWSServer(scheme: "http", host: "127.0.0.2", port: fixture.port))
                #expect(moved.sessionId != first.sessionId)
                // The re-login PUT the subscription again on the partner, so the change still arrives.
                try await probe.expectAdvanceArrives()
                await probe.feed.stop()
                let subscription = "PUT \(ICWSPath.jobStatusSubscription(moved.sessionId))"
                #expect(log.all.contains { $0.contains(subscription) && $0.contains("127.0.0.2") && $0.contains("-> 204") })
            }
        }
        #expect(log.count(containing: "-> 503") >= 2, "a session call and the login on the switched host")
        #expect(log.count(containing: "POST /icws/connection?include=features") == 3,
                "the first login, then one re-login: refused by 127.0.0.1, accepted by 127.0.0.2")
    }
}
