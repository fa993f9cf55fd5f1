import ICWSSimulator
import ICWSWire
import Testing
@testable import ICWSClient

/// Issue 10, items 3, 4 and 11: the backoff is reset only by a stream that proved healthy, and a
/// silent stream is reported stale by its own ping rhythm.
@Suite struct FeedLivenessTests {
    /// Every stream ends its session at once: each reconnection logs in again, and the attempt
    /// count grows instead of restarting at 1 each time a stream opens (the storm of item 3/4).
    @Test func streamsThatEndTheirSessionAtOnceBackOffWithGrowingAttempts() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.setFaults(SimulatorFaults(endSessionOnStreamOpen: true))
        var configuration = fixture.configuration()
        configuration.backoff = Backoff(base: .milliseconds(10), cap: .milliseconds(200))
        try await fixture.withSession(configuration) { session in
            let feed = JobStatusFeed(session: session)
            var events = feed.events().makeAsyncIterator()
            var attempts: [Int] = []
            while attempts.count < 5 {
                // A generous bound: in a full parallel run these reconnections have taken 7 s each.
                let event = try await nextEvent(&events, timeout: .seconds(60)) {
                    if case .connection(.reconnecting) = $0 { true } else { false }
                }
                if case .connection(.reconnecting(let attempt, _)) = event { attempts.append(attempt) }
            }
            await feed.stop()
            #expect(attempts == [1, 2, 3, 4, 5], "a stream that opened but never proved healthy does not reset the backoff")
            let logins = await fixture.simulator.loginCount()
            #expect(logins >= 5 && logins <= 6, "one login per attempt, through the backoff: \(logins)")
        }
    }

    /// Pings stop while the stream stays open: the feed says stale (after about three of the
    /// intervals it observed), and live again once pings come back.
    @Test func silentStreamIsReportedStaleAndRecovers() async throws {
        let fixture = try await SimulatorFixture.start { $0.pingInterval = .milliseconds(100) }
        try await fixture.withSession { session in
            let feed = JobStatusFeed(session: session, pollInterval: .seconds(2), useServerSentEvents: true,
                                     idleTimeout: .milliseconds(300))
            var events = feed.events().makeAsyncIterator()
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            await fixture.simulator.setFaults(SimulatorFaults(silentStreams: true))
            _ = try await nextEvent(&events) { if case .connection(.stale) = $0 { true } else { false } }
            await fixture.simulator.setFaults(SimulatorFaults())
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            await feed.stop()
        }
    }
}
