import Foundation
import ICWSSimulator
import ICWSWire
import TestClock
import Testing
@testable import ICWSClient

/// The backoff waits on the configuration's clock: the test moves a `ManualClock` by the backoff
/// (its real, default rule) instead of shrinking it, and nothing sleeps.
@Suite struct BackoffClockTests {
    /// Issue 10, item 3: a server that answers 401 to every session, however new. Each re-login
    /// waits the backoff for one more unusable session in a row, instead of logging in at once;
    /// the login comes only once the clock moved past the pause.
    @Test func reloginsAfterUnusableSessionsWaitTheBackoffOnTheClock() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.setFaults(SimulatorFaults(expireSessionsAfterRequests: 0))
        let log = RecordingLog()
        let clock = ManualClock(start: Date())
        var configuration = fixture.configuration(logger: log.logger)
        configuration.clock = clock
        let backoff = configuration.backoff
        #expect(backoff == Backoff(), "the program's backoff, not a shrunk one")
        try await fixture.withSession(configuration) { session in
            for attempt in 1...3 {
                let call = Task { try await session.listJobs(count: 1) }
                #expect(await clock.waitForSleepers(1), "re-login \(attempt) waits on the clock")
                let loginsDuringThePause = await fixture.simulator.loginCount()
                clock.advance(by: backoff.ceiling(attempt: attempt))
                await #expect(throws: ICWSError.self) { _ = try await call.value }
                #expect(await fixture.simulator.loginCount() == loginsDuringThePause + 1, "the login came after the clock moved")
            }
        }
        let attempts = log.all.compactMap { line in
            line.firstMatch(of: /never usable; logging in again after .* \(attempt (\d+)\)/).map { Int($0.output.1)! }
        }
        #expect(attempts == [1, 2, 3], "\(log.all.filter { $0.contains("logging in") })")
        #expect(await fixture.simulator.loginCount() == 4)
        #expect(clock.sleepers == 0)
    }
}
