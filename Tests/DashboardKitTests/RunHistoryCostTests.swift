import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing
@testable import DashboardKit

/// Issue 17: a page or a status change costs the run history O(what changed), and a frame of the
/// list reads no list of every series. Counted with the model's own count of passes over its
/// series (`InsightModel.seriesScans`), not timed: with the simulator's random jobs nearly every job
/// is a series of its own, and a pass per page or per frame made `G` over 100,000 jobs quadratic.
@Suite("The run history's cost per change")
struct RunHistoryCostTests {
    /// Sorted by USUAL or ETA the list re-reads the running jobs' progress before each change: that
    /// too must walk the series with a running job only.
    @Test("a page and a status per job, each job of a month beside one of a series of its own, then frames of the list: no pass over the series",
          arguments: [DashboardKit.SortOrder.newest, DashboardKit.SortOrder(.usual), DashboardKit.SortOrder(.eta)])
    func noPassPerChange(sort: DashboardKit.SortOrder) {
        let options = DashboardOptions(contexts: [ContextOptions(name: "prod", server: "prod.example.com", user: "jdoe")], timeFormat: .utc)
        var state = DashboardState(options: options, width: 120, height: 40)
        state.setSort(sort)
        let context = ContextID(0)
        _ = update(&state, .connectionChanged(context: context, .connected, at: Fixture.base))
        let runs = InsightFixture.jobs.filter { $0.context == 0 }
        for (n, job) in runs.enumerated() {
            _ = update(&state, .pageLoaded(context: context, jobs: [job.status], olderThan: nil, requested: 1, at: Fixture.now,
                                           configs: [job.status.id: job.config]))
            let window = TimeWindow(start: InsightFixture.day(10, 1), end: InsightFixture.day(10, 2))
            let own = InsightFixture.config("own \(n)", table: "T\(n)", window: window)
            var status = job.status
            status.id = "own-\(n)"
            _ = update(&state, .pageLoaded(context: context, jobs: [status], olderThan: nil, requested: 1, at: Fixture.now,
                                           configs: [status.id: own]))
            _ = update(&state, .statusesReceived(context: context, [status], at: Fixture.now))
        }
        #expect(state.history.hasSeries)
        let grid = GridSurface(width: state.width, height: state.height)
        for _ in 0..<3 { DashboardView.render(state, on: grid, options: RenderOptions(glyphs: .unicode, color: false, now: Fixture.now)) }
        #expect(state.history.model.seriesScans.value == 0)
        #expect(grid.text.contains("failing series \(state.history.model.failingSeries().count) "), "\(grid.text)")
    }

    /// Sorted by USUAL the rows keep the running jobs' values from the last change to the jobs: a
    /// filter keystroke changes which rows show, not the values, so it reads no progress again.
    @Test("filter keystrokes, sorted by USUAL: no read of the running jobs' progress")
    func filterReadsNoProgress() {
        var state = DashboardState(options: DashboardOptions(contexts: [ContextOptions(name: "prod")], timeFormat: .utc),
                                   width: 120, height: 40)
        state.setSort(DashboardKit.SortOrder(.usual))
        let context = ContextID(0)
        _ = update(&state, .connectionChanged(context: context, .connected, at: Fixture.base))
        let runs = InsightFixture.jobs.filter { $0.context == 0 }
        _ = update(&state, .pageLoaded(context: context, jobs: runs.map(\.status), olderThan: nil, requested: runs.count,
                                       at: Fixture.now, configs: Dictionary(uniqueKeysWithValues: runs.map { ($0.status.id, $0.config) })))
        let reads = state.history.model.pendingReads.value
        for key in ["/", "n", "i", "g"].map(Key.char) + [.backspace, .backspace] { _ = update(&state, .key(key)) }
        #expect(state.filter.text == "n")
        #expect(state.history.model.pendingReads.value == reads)
    }
}
