import DashboardKit
import ICWSSimulator
import ICWSWire
import Testing

/// The job service's periodic check for new jobs, counted on the server: it asks for one job
/// (`jobCount=1`) and the newest page is fetched only when that job is new.
@Suite("Pilot: idle check for new jobs")
struct IdleCheckTests {
    static let probe = "GET data-extractor/jobs?jobCount=1"
    static let page = "GET data-extractor/jobs?jobCount=50"

    @Test func theCheckAsksForOneJobAndLoadsThePageOnlyWhenANewJobIsThere() async throws {
        // Every seeded job has ended: a running job on screen would tick its elapsed time each
        // second, and those frames are not the check's.
        try await withSimulator({ $0.activeJobCount = 0 }) { simulator in
            let pilot = try Pilot(simulator: simulator, refreshInterval: .milliseconds(20))
            try await pilot.start()
            try await finally(await checks(pilot, simulator)) { await pilot.stop() }
        }
    }

    private func checks(_ pilot: Pilot, _ simulator: ICWSSimulator) async throws {
        let probes = { simulator.traffic().requests[Self.probe] ?? 0 }
        let pages = { simulator.traffic().requests[Self.page] ?? 0 }
        let pagesAtStart = pages()
        let framesAtStart = pilot.runtime.framesDrawn
        let probesAtStart = probes()
        try await pilot.waitFor("three idle checks") { _ in probes() >= probesAtStart + 3 }
        try await pilot.runUntilQuiet()
        #expect(pages() == pagesAtStart, "nothing new on the server: no page fetched")
        #expect(pilot.runtime.framesDrawn == framesAtStart, "a check that finds nothing new draws nothing")

        let id = await simulator.addJob(sampleJob("arrived while idle"), submittedBy: "jdoe")
        try await pilot.waitFor("the new job listed") { $0.state.jobs[JobKey(id: id)] != nil }
        #expect(pages() == pagesAtStart + 1)

        let seen = probes()
        try await pilot.waitFor("three more idle checks") { _ in probes() >= seen + 3 }
        #expect(pages() == pagesAtStart + 1, "the new job is listed now: no page fetched")
    }
}
