import Foundation
import ICWSWire
import Testing
@testable import DashboardKit

/// The timeline keeps its rows between keys (`j`/`k` read no job); a page, a status or a new window
/// makes it read them again.
@Suite("Timeline: kept rows")
struct TimelineKeptRowsTests {
    /// The rows the screen shows, checked against rows read afresh from the jobs.
    func rows(_ state: DashboardState) throws -> [TimelineRow] {
        let screen = try #require(state.topmost(TimelineScreen.self))
        let now = state.timelineNow
        let fresh = TimelineRows.rows(state.timelineJobs(in: screen.window, now: now), window: screen.window, grouping: screen.grouping, now: now)
        #expect(state.timelineRows(screen) == fresh)
        return state.timelineRows(screen)
    }

    @Test("a job of the day arriving, its end, and the grouping switched: the rows follow; j reaches the new row")
    func rowsFollowTheJobs() throws {
        var state = InsightScreensTests.state(width: 200, height: 50)
        Fixture.press(&state, .char("t"))
        let before = try rows(state)
        var late = InsightFixture.run("late", context: 0, name: "Late extract", table: "IAgentQueueStats", extracted: InsightFixture.day(11, 27),
                                      submitted: InsightFixture.day(11, 28, 10, 0), minutes: nil, state: .started).status
        _ = update(&state, .pageLoaded(context: InsightScreensTests.prod, jobs: [late], olderThan: nil, requested: 1000, at: Fixture.now))
        let after = try rows(state)
        #expect(after.count == before.count + 1)
        #expect(after.contains { $0.jobs.last?.key.id == "late" && $0.jobs.last?.ended == nil })
        for _ in 0..<after.count { Fixture.press(&state, .char("j")) }
        #expect(state.topmost(TimelineScreen.self)?.cursor == after.count - 1)
        late.state = .failed
        late.failedTime = InsightFixture.day(11, 28, 10, 20)
        _ = update(&state, .statusesReceived(context: InsightScreensTests.prod, [late], at: Fixture.now))
        #expect(try rows(state).contains { $0.jobs.last?.key.id == "late" && $0.jobs.last?.state == .failed })
        Fixture.press(&state, .char("s"))
        #expect(state.topmost(TimelineScreen.self)?.grouping == .series)
        #expect(try rows(state).contains { $0.jobs.last?.key.id == "late" })
        for _ in 0..<3 { Fixture.press(&state, .char("h")) }
        #expect(try !rows(state).contains { $0.jobs.last?.key.id == "late" }, "18 hours earlier: the window ends before the job")
    }
}
