import Foundation
import ICWSSimulator
import ICWSWire
import TestClock
import Testing
@testable import ICWSClient

/// Issue 10, items 3, 4 and 11: the backoff is reset only by a stream that proved healthy, and a
/// silent stream is reported stale by its own ping rhythm.
@Suite struct FeedLivenessTests {
    /// Every stream ends its session at once: each reconnection logs in again, and the attempt
    /// count grows instead of restarting at 1 each time a stream opens (the storm of item 3/4),
    /// with one counter (no second pause inside the login). From the fourth attempt the link reads
    /// offline; a stream that flapped four times is given up for polling (issue 15). The program's
    /// backoff, waited on a `ManualClock` the test moves by each attempt's ceiling.
    @Test func streamsThatEndTheirSessionAtOnceBackOffThenPoll() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.setFaults(SimulatorFaults(endSessionOnStreamOpen: true))
        let clock = ManualClock(start: Date())
        var configuration = fixture.configuration()
        configuration.clock = clock
        let backoff = configuration.backoff
        try await fixture.withSession(configuration) { session in
            let feed = JobStatusFeed(session: session)
            var events = feed.events().makeAsyncIterator()
            var states: [FeedState] = []
            while true {
                let event = try await nextEvent(&events) {
                    switch $0 {
                    case .connection(.reconnecting), .connection(.offline), .connection(.live(.pollingWhileStreamUnstable)): true
                    default: false
                    }
                }
                guard case .connection(let state) = event else { continue }
                states.append(state)
                if case .live = state { break }
                #expect(await clock.waitForSleepers(1), "attempt \(states.count) waits on the clock")
                clock.advance(by: backoff.ceiling(attempt: states.count))
            }
            await feed.stop()
            let unstable = FeedState.live(.pollingWhileStreamUnstable(every: ConnectionPolicy().unstablePollInterval))
            #expect(states == [.reconnecting(attempt: 1, because: .sessionEnded), .reconnecting(attempt: 2, because: .sessionEnded),
                               .reconnecting(attempt: 3, because: .sessionEnded), .offline(attempt: 4, because: .sessionEnded),
                               unstable],
                    "a stream that opened but never proved healthy does not reset the backoff")
            let logins = await fixture.simulator.loginCount()
            #expect(logins == 5, "one login per attempt, through the backoff: \(logins)")
        }
    }

    /// Issue 15, finding 2: a ping as the stream opens teaches no interval (the gap from the
    /// opening is not one), and a fast or irregular server cannot teach a bound below three times
    /// the minimum gap.
    @Test func aPingAtTheOpeningOrEverySecondTeachesNoShortBound() {
        let open = ContinuousClock.now
        var liveness = StreamLiveness(openedAt: open, fallbackGap: .seconds(30), minimumGap: .seconds(10))
        _ = liveness.heard(pings: 1, healthy: false, at: open + .milliseconds(2))
        #expect(liveness.staleAfter == .seconds(90), "still the fallback after the ping at the opening")
        #expect(liveness.check(at: open + .seconds(5)) == .fine)
        _ = liveness.heard(pings: 1, healthy: false, at: open + .seconds(1))
        #expect(liveness.staleAfter == .seconds(30), "a ping every second: the floor, three times 10 s")
        #expect(liveness.check(at: open + .seconds(20)) == .fine, "irregular gaps up to 30 s are healthy")
        #expect(liveness.check(at: open + .seconds(32)) == .becameStale(.seconds(31)))
        #expect(liveness.check(at: open + .seconds(62)) == .dead(.seconds(61)))
    }

    /// The `irregular-pings` profile: a ping that follows messages (in the same bytes or after
    /// them) teaches no interval, so the idle silence after a batch is judged by the fallback;
    /// a quiet gap between two pings still teaches one.
    @Test func aPingAfterMessagesTeachesNoInterval() {
        let open = ContinuousClock.now
        var liveness = StreamLiveness(openedAt: open, fallbackGap: .seconds(30), minimumGap: .seconds(10))
        _ = liveness.heard(pings: 1, healthy: true, at: open + .seconds(1))
        _ = liveness.heard(pings: 0, healthy: true, at: open + .seconds(2))
        _ = liveness.heard(pings: 1, healthy: false, at: open + .seconds(3))
        _ = liveness.heard(pings: 1, healthy: true, at: open + .seconds(4))
        #expect(liveness.staleAfter == .seconds(90), "pings after batches: still the fallback")
        #expect(liveness.check(at: open + .seconds(60)) == .fine, "idle after a batch is healthy")
        _ = liveness.heard(pings: 1, healthy: false, at: open + .seconds(64))
        #expect(liveness.staleAfter == .seconds(180), "a quiet gap of 60 s between two pings is a rhythm")
    }

    /// A check that comes late (a stalled process) and finds the stream past both bounds says
    /// stale first, then dead at the next check: the link is never reopened unannounced.
    @Test func aLateCheckSaysStaleBeforeDead() {
        let open = ContinuousClock.now
        var liveness = StreamLiveness(openedAt: open, fallbackGap: .seconds(30), minimumGap: .seconds(10))
        #expect(liveness.check(at: open + .seconds(200)) == .becameStale(.seconds(200)))
        #expect(liveness.check(at: open + .seconds(201)) == .dead(.seconds(201)))
    }

    /// A stream that stays open but says nothing (this server pings once a minute): once the
    /// feed's clock has moved past three of the ping intervals it assumes, the feed says stale
    /// (and reopens nothing yet), and live again as soon as the stream says something (here the
    /// subscription's answer). The program's bounds, on a `ManualClock` the test moves.
    @Test func silentStreamIsReportedStaleAndRecovers() async throws {
        let fixture = try await SimulatorFixture.start { $0.pingInterval = .seconds(60) }
        let clock = ManualClock(start: Date())
        var configuration = fixture.configuration()
        configuration.clock = clock
        try await fixture.withSession(configuration) { session in
            let feed = JobStatusFeed(session: session, pollInterval: .seconds(2), useServerSentEvents: true)
            var events = feed.events().makeAsyncIterator()
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            #expect(await clock.waitForSleepers(1), "the watchdog waits on the clock")
            clock.advance(by: feed.policy.streamIdleTimeout / 2 + .seconds(1))
            _ = try await nextEvent(&events) { if case .connection(.stale) = $0 { true } else { false } }
            let id = await fixture.simulator.addJob(sampleJobConfig(name: "heard"), submittedBy: "admin")
            try await feed.watch(jobIds: [id])
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            await feed.stop()
        }
    }
}
