import ICWSSimulator
import ICWSWire
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

    /// Every login answered 503 with no partner: the backoff alone (capped at 50 ms here) would log
    /// in about 20 times a second. The budget lets 6 reconnections a minute through: the seventh
    /// waits. From the fourth attempt the feed reports the link offline.
    @Test func aServerThatRefusesEveryLoginCostsAtMostTheBudget() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.setFaults(SimulatorFaults(notAcceptingConnections: []))
        var configuration = fixture.configuration()
        configuration.backoff = Backoff(base: .milliseconds(10), cap: .milliseconds(50))
        try await fixture.withSession(configuration) { session in
            let feed = JobStatusFeed(session: session)
            var events = feed.events().makeAsyncIterator()
            var states: [FeedState] = []
            while states.count < 7 {
                let event = try await nextEvent(&events) {
                    switch $0 {
                    case .connection(.reconnecting), .connection(.offline): true
                    default: false
                    }
                }
                if case .connection(let state) = event { states.append(state) }
            }
            // The seventh reconnection waits for the budget (a minute after the first): a short
            // idle stretch, in which the backoff alone would have logged in many times.
            try await Task.sleep(for: .seconds(1))
            let logins = await fixture.simulator.loginCount()
            let served = fixture.simulator.traffic().requests["POST connection"]
            await feed.stop()
            #expect(served == 7, "the first login and 6 reconnections")
            #expect(logins == 0, "none was accepted")
            let words = states.map { state -> String in
                switch state {
                case .reconnecting(let attempt, _): "reconnecting \(attempt)"
                case .offline(let attempt, _): "offline \(attempt)"
                default: "\(state)"
                }
            }
            #expect(words == ["reconnecting 1", "reconnecting 2", "reconnecting 3", "offline 4", "offline 5", "offline 6", "offline 7"])
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
