import DashboardKit
import Foundation
import ICWSSimulator
import ICWSWire
import TestClock
import Testing

/// The job service's periodic check for new jobs, counted on the server: it asks for one job
/// (`jobCount=1`) and the newest page is fetched only when that job is new. The check waits on
/// the connection's clock, which the test moves 15 s at a time (the real interval, no sleep).
@Suite("Pilot: idle check for new jobs")
struct IdleCheckTests {
    static let probe = "GET data-extractor/jobs?jobCount=1"
    static let page = "GET data-extractor/jobs?jobCount=50"
    static let interval: Duration = .seconds(15)

    @Test func theCheckAsksForOneJobAndLoadsThePageOnlyWhenANewJobIsThere() async throws {
        // Every seeded job has ended: a running job on screen would tick its elapsed time each
        // second, and those frames are not the check's.
        try await withSimulator({ $0.activeJobCount = 0 }) { simulator in
            let clock = ManualClock(start: Date())
            // The stream's liveness counts on the moved clock too: no ping interval is learned in
            // this short run, so its silence bound is set far beyond the minutes moved here.
            let pilot = try Pilot(options: DashboardOptions(server: "pilot", user: "admin"), ports: [simulator.port ?? 0],
                                  refreshInterval: Self.interval, streamIdleTimeout: .seconds(3600), connectionClock: clock)
            try await pilot.start()
            try await finally(await checks(pilot, simulator, clock)) { await pilot.stop() }
        }
    }

    private func checks(_ pilot: Pilot, _ simulator: ICWSSimulator, _ clock: ManualClock) async throws {
        let probes = { simulator.traffic().requests[Self.probe] ?? 0 }
        let pages = { simulator.traffic().requests[Self.page] ?? 0 }
        /// Moves the clock past the next check once it waits (with the stream's watchdog), and
        /// returns once the server saw it.
        func nextCheck() async throws {
            let before = probes()
            #expect(await clock.waitForSleepers(2), "the check and the stream's watchdog wait on the clock")
            clock.advance(by: Self.interval)
            try await pilot.waitFor("an idle check") { _ in probes() > before }
        }
        try await pilot.runUntilQuiet()
        let pagesAtStart = pages()
        let framesAtStart = pilot.runtime.framesDrawn
        let probesAtStart = probes()
        try await pilot.runUntilQuiet()
        #expect(probes() == probesAtStart, "the clock did not move: no check")
        for _ in 0..<3 { try await nextCheck() }
        try await pilot.runUntilQuiet()
        #expect(pages() == pagesAtStart, "nothing new on the server: no page fetched")
        #expect(pilot.runtime.framesDrawn == framesAtStart, "a check that finds nothing new draws nothing")

        let id = await simulator.addJob(sampleJob("arrived while idle"), submittedBy: "jdoe")
        try await nextCheck()
        try await pilot.waitFor("the new job listed") { $0.state.jobs[JobKey(id: id)] != nil }
        #expect(pages() == pagesAtStart + 1)

        for _ in 0..<3 { try await nextCheck() }
        try await pilot.runUntilQuiet()
        #expect(pages() == pagesAtStart + 1, "the new job is listed now: no page fetched")
    }
}
