import Foundation
import ICWSSimulator
import ICWSWire
import TestClock
import Testing
@testable import ICWSClient

/// Issue 15: the connection owner's budget and offline policy, whatever the server does.
@Suite struct FeedBudgetTests {
    /// The one rule for how often the dashboard and the exporter look for new jobs: while polling,
    /// no oftener than every 30 s (with the polls, an idle minute stays within 6 requests).
    @Test func theNewJobCheckSlowsDownOnlyWhilePolling() {
        let policy = ConnectionPolicy()
        #expect(policy.newJobCheckInterval(.seconds(15), over: .serverSentEvents) == .seconds(15))
        #expect(policy.newJobCheckInterval(.seconds(15), over: .polling) == .seconds(30))
        #expect(policy.newJobCheckInterval(.seconds(60), over: .polling) == .seconds(60))
    }

    /// Every login answered 503 with no partner, and a backoff of at most 50 ms (a client that
    /// retries fast): the budget lets 6 reconnections a minute through, the seventh waits for the
    /// first to leave the window. From the fourth attempt the feed reports the link offline. Every
    /// wait is on a `ManualClock` the test moves: nothing sleeps.
    @Test func aServerThatRefusesEveryLoginCostsAtMostTheBudget() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.setFaults(SimulatorFaults(notAcceptingConnections: []))
        let clock = ManualClock(start: Date())
        var configuration = fixture.configuration()
        configuration.backoff = Backoff(base: .milliseconds(10), cap: .milliseconds(50))
        configuration.clock = clock
        try await fixture.withSession(configuration) { session in
            let feed = JobStatusFeed(session: session)
            var events = feed.events().makeAsyncIterator()
            var states: [FeedState] = []
            func nextState() async throws {
                let event = try await nextEvent(&events) {
                    switch $0 {
                    case .connection(.reconnecting), .connection(.offline): true
                    default: false
                    }
                }
                if case .connection(let state) = event { states.append(state) }
                #expect(await clock.waitForSleepers(1), "the feed waits on the clock after attempt \(states.count)")
            }
            try await nextState()
            while states.count < 7 {
                clock.advance(by: configuration.backoff.cap)
                try await nextState()
            }
            // The seventh reconnection: what the backoff asks has passed, the budget holds it.
            clock.advance(by: configuration.backoff.cap)
            #expect(clock.sleepers == 1, "held by the budget")
            #expect(fixture.simulator.traffic().requests["POST connection"] == 7, "the first login and 6 reconnections")
            clock.advance(by: ConnectionPolicy().budgetWindow)
            try await nextState()
            #expect(fixture.simulator.traffic().requests["POST connection"] == 8, "a minute on, the next one goes")
            await feed.stop()
            #expect(await fixture.simulator.loginCount() == 0, "none was accepted")
            let words = states.map { state -> String in
                switch state {
                case .reconnecting(let attempt, _): "reconnecting \(attempt)"
                case .offline(let attempt, _): "offline \(attempt)"
                default: "\(state)"
                }
            }
            #expect(words == ["reconnecting 1", "reconnecting 2", "reconnecting 3", "offline 4", "offline 5", "offline 6", "offline 7",
                              "offline 8"])
        }
    }

    @Test func theBudgetHoldsTheReconnectionPastTheLimit() {
        var budget = ReconnectionBudget(limit: 2, window: .seconds(60))
        let start = ContinuousClock.now
        let admitted = [0, 1, 2, 200].map { budget.admit(wanted: start + .seconds($0)) }
        #expect(admitted == [start, start + .seconds(1), start + .seconds(60), start + .seconds(200)],
                "the third waits for the first to leave the window")
    }

    @Test func fourShortLivedStreamsInTwoMinutesAreUnstable() {
        var flaps = StreamFlaps(policy: ConnectionPolicy())
        let start = ContinuousClock.now
        let longLived = flaps.streamEnded(opened: start, at: start + .seconds(30))
        #expect(!longLived, "a stream that lived 30 s did not flap")
        let verdicts = (1...5).map { flaps.streamEnded(opened: start + .seconds($0), at: start + .seconds($0)) }
        #expect(verdicts == [false, false, false, true, false], "the fourth flap is one too many; then a fresh start")
    }
}
