import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing
@testable import DashboardKit

/// The run-history screens in the dashboard: two servers fed by pages with configurations.
@Suite("History, timeline and coverage in the dashboard")
struct InsightScreensTests {
    static let prod = ContextID(0), lab = ContextID(1)

    /// "prod" (context 0) and "lab" (context 1) with `InsightFixture`'s month of runs.
    static func state(width: Int = 120, height: Int = 40, labReadOnly: Bool = false, readOnly: Bool = false) -> DashboardState {
        let options = DashboardOptions(contexts: [ContextOptions(name: "prod", server: "prod.example.com", user: "jdoe"),
                                                  ContextOptions(name: "lab", server: "lab.example.com", user: "jdoe", readOnly: labReadOnly)],
                                       readOnly: readOnly, timeFormat: .utc)
        var state = DashboardState(options: options, width: width, height: height)
        for context in [prod, lab] {
            _ = update(&state, .connectionChanged(context: context, .connected, at: Fixture.base))
            let jobs = InsightFixture.jobs.filter { $0.context == context.index }
                .sorted { ($0.status.submitTime ?? .distantPast) > ($1.status.submitTime ?? .distantPast) }
            var configs: [String: JobConfig] = [:]
            for job in jobs { configs[job.status.id] = job.config }
            _ = update(&state, .pageLoaded(context: context, jobs: jobs.map(\.status), olderThan: nil, requested: 1000, at: Fixture.now,
                                           configs: configs))
            // The short page asks for older jobs: the server has none.
            if case .loadingOlder(let olderThan) = state.servers[context.index].paging.phase {
                _ = update(&state, .pageLoaded(context: context, jobs: [], olderThan: olderThan, requested: 50, at: Fixture.now))
            }
        }
        _ = Fixture.rest(&state)
        return state
    }

    static func render(_ state: DashboardState, glyphs: Glyphs = .unicode) -> GridSurface {
        let grid = GridSurface(width: state.width, height: state.height)
        DashboardView.render(state, on: grid, options: RenderOptions(glyphs: glyphs, color: false, now: Fixture.now))
        return grid
    }

    static func select(_ state: inout DashboardState, _ key: JobKey) {
        while state.selectedId != key, let index = state.selectedIndex, index + 1 < state.visibleIds.count {
            Fixture.press(&state, .down)
        }
    }

    @Test("the list: elapsed against the usual time with ! when overdue, the failing series' mark; the header counts both")
    func listAndHeader() {
        var state = Self.state()
        let text = Self.render(state).text
        #expect(text.contains("overdue 1  failing series 1"), "\(text)")
        #expect(text.contains("!1h35m/~28m"), "the lab job started at 09:00 is past 1.5 × its median")
        #expect(text.contains("✗ 3 failed"), "the newest run of the failing series is marked")
        // The sparkline is a column of the chooser (`o`): to RUNS, Space shows it.
        Fixture.press(&state, .char("o"))
        for _ in 0..<20 where state.columnChooser?.selected != .runs { Fixture.press(&state, .down) }
        Fixture.press(&state, .char(" "), .escape)
        #expect(Self.render(state).lines[3].contains("RUNS") || Self.render(state).text.contains("RUNS"))
        #expect(Self.render(state).text.contains("▆✗✗✗") || Self.render(state).text.contains("✗✗✗"), "the sparkline ends in three failures")
    }

    @Test("sorting by USUAL puts the most overdue job first, by ETA the soonest; jobs without a baseline after")
    func sortByTheRunHistory() {
        var state = Self.state()
        // A run of "Agent queue stats daily" started four minutes ago: newest, and well within its usual time.
        let fresh = InsightFixture.run("aq-fresh", context: 0, name: "Agent queue stats daily", table: "IAgentQueueStats",
                                       extracted: InsightFixture.day(11, 27), submitted: Fixture.now.addingTimeInterval(-300),
                                       minutes: nil, state: .started)
        _ = update(&state, .pageLoaded(context: Self.prod, jobs: [fresh.status], olderThan: nil, requested: 1000, at: Fixture.now,
                                       configs: [fresh.status.id: fresh.config]))
        let (overdue, recent) = (JobKey(context: Self.lab, id: "wg-today"), JobKey(context: Self.prod, id: "aq-fresh"))
        #expect(Array(state.visibleIds.prefix(2)) == [recent, overdue], "newest first")
        Fixture.press(&state, .char("o"))
        for _ in 0..<20 where state.columnChooser?.selected != .usual { Fixture.press(&state, .down) }
        Fixture.press(&state, .char("s"), .escape)
        #expect(state.sort == SortOrder(.usual))
        #expect(Array(state.visibleIds.prefix(2)) == [overdue, recent], "the most overdue first")
        #expect(state.index.brokenInvariants(servers: [Self.prod, Self.lab], now: Fixture.now, label: { _ in nil }).isEmpty)
        Fixture.press(&state, .char("S"))
        #expect(Array(state.visibleIds.prefix(2)) == [recent, overdue], "reversed: the least overdue first")
        Fixture.press(&state, .char("o"))
        for _ in 0..<20 where state.columnChooser?.selected != .eta { Fixture.press(&state, .down) }
        Fixture.press(&state, .char("s"), .escape)
        #expect(state.sort == SortOrder(.eta))
        #expect(Array(state.visibleIds.prefix(2)) == [overdue, recent], "the overdue job's end is now, the fresh one's later")
    }

    @Test("the detail pane: the series' baseline, last runs and last failure")
    func detail() {
        var state = Self.state(width: 200, height: 50)
        Self.select(&state, JobKey(context: Self.prod, id: "id-9"))
        let text = Self.render(state).text
        #expect(text.contains("Baseline     median 16m00s, MAD 0s over 7 runs; queue wait 2m00s"), "\(text)")
        #expect(text.contains("Streak       3 failed or canceled in a row"))
        #expect(text.contains("Last failure 11-27 01:48: Table InteractionSummary: permission denied"))
    }

    @Test("the detail pane of an overdue job says overdue, without an ETA of now")
    func detailOfAnOverdueJob() {
        var state = Self.state(width: 200, height: 50)
        Self.select(&state, JobKey(context: Self.lab, id: "wg-today"))
        let line = Self.render(state).lines.first { $0.contains("This run") } ?? ""
        #expect(line.contains("1h35m of ~28m, overdue"), "\(line)")
        #expect(!line.contains("ETA"), "\(line)")
    }

    @Test("h shows the selected job's series; a job whose series is unknown says why; Esc closes")
    func history() {
        var state = Self.state()
        Fixture.press(&state, .char("h"))
        #expect(state.topmost(HistoryScreen.self)?.content.name == "Workgroup stats daily")
        #expect(Self.render(state).text.contains("History  Workgroup stats daily  series"))
        Fixture.press(&state, .left, .left, .enter)
        #expect(state.topmost(HistoryScreen.self) == nil)
        #expect(state.selectedId == JobKey(context: Self.lab, id: "wg-24"), "Enter selects the run under the cursor")
        Fixture.send(&state, .statusesReceived(context: Self.prod, [JobStatus(id: "lonely", name: "ad hoc", submittedUserId: "jdoe",
                                                                               state: .queued, submitTime: Fixture.now)], at: Fixture.now))
        Self.select(&state, JobKey(context: Self.prod, id: "lonely"))
        Fixture.press(&state, .char("g"), .char("h"))
        #expect(state.topmost(HistoryScreen.self) == nil)
        #expect(state.statusMessage == .info("Job lonely: its series is not known yet (its configuration has not been read)."))
    }

    @Test("t: today across both servers, per job or per series, zoom and move, Enter jumps; contention per server")
    func timeline() throws {
        var state = Self.state(width: 200, height: 50)
        Fixture.press(&state, .char("t"))
        let screen = try #require(state.topmost(TimelineScreen.self))
        #expect(screen.window.start == InsightFixture.day(11, 28) && screen.window.span == 86_400)
        #expect(Self.render(state).text.contains("one row per job, 1 jobs"), "today: the lab job still running")
        Fixture.press(&state, .left, .left, .left, .left)  // 11-27: a failed prod job and a lab job
        #expect(state.topmost(TimelineScreen.self)?.window.start == InsightFixture.day(11, 27))
        let text = Self.render(state).text
        #expect(text.contains("prod (peak 1)") && text.contains("lab (peak 1)"), "\(text)")
        #expect(text.contains("Interaction detail nightly") && text.contains("Workgroup stats daily") && text.contains("✗"))
        Fixture.press(&state, .char("-"))
        #expect(state.topmost(TimelineScreen.self)?.window.span == TimelineWindow.spans[TimelineWindow.dayStep + 1])
        Fixture.press(&state, .char("+"), .char("+"))
        #expect(state.topmost(TimelineScreen.self)?.window.start == InsightFixture.day(11, 27, 6))
        Fixture.press(&state, .char("-"), .char("s"))
        #expect(state.topmost(TimelineScreen.self)?.grouping == .series)
        Fixture.press(&state, .enter)
        #expect(state.topmost(TimelineScreen.self) == nil)
        #expect(state.selectedId == JobKey(context: Self.prod, id: "id-9"), "Enter selects the first row's newest job")
        Fixture.press(&state, .char("t"), .char("d"))
        #expect(state.topmost(TimelineScreen.self)?.window.start == InsightFixture.day(11, 28))
    }

    @Test("C: series of both servers; Enter on a gap opens the review with the gap's windows; nothing is sent without y")
    func coverageFill() throws {
        var state = Self.state(width: 120, height: 40)
        Fixture.press(&state, .char("C"))
        let coverage = try #require(state.topmost(CoverageScreen.self))
        #expect(coverage.rows.map(\.name) == ["Agent queue stats daily", "Interaction detail nightly", "Workgroup stats daily"])
        #expect(coverage.unit == .day, "a month of data fits in days at 120 columns")
        Fixture.press(&state, .char("u"), .char("u"), .char("u"))
        #expect(state.topmost(CoverageScreen.self)?.unit == .day)
        Fixture.press(&state, .down, .left)  // Interaction detail nightly, 11-27 (not due)
        #expect(Fixture.press(&state, .enter).isEmpty)
        #expect(state.statusMessage == .info("No gap under the cursor: move onto a gap (○ or ✗) to fill it."))
        Fixture.press(&state, .left)  // 11-26: the run of three failed days 11-24…11-26
        #expect(Fixture.press(&state, .enter).isEmpty, "the review opens; nothing is sent")
        let review = try #require(state.resubmit)
        #expect(review.fill?.windows.count == 3)
        #expect(Self.render(state).text.contains("Fill the gap: send 3 jobs (one per period)"))
        Fixture.press(&state, .char("p"))
        #expect(state.resubmit?.fill?.windows == [TimeWindow(start: InsightFixture.day(11, 24), end: InsightFixture.day(11, 27))])
        Fixture.press(&state, .char("p"))
        let sent = Fixture.press(&state, .char("y"))
        let windows = sent.compactMap { effect -> TimeWindow? in
            if case .submitJob(let context, let config, _) = effect, context == Self.prod { return TimeWindow(of: config) }
            return nil
        }
        #expect(windows.map(\.start) == [InsightFixture.day(11, 24), InsightFixture.day(11, 25), InsightFixture.day(11, 26)])
    }

    @Test("no fill on a read-only context or in read-only mode")
    func readOnly() {
        var state = Self.state(labReadOnly: true)
        Fixture.press(&state, .char("C"), .char("u"), .char("u"), .char("u"), .down, .down, .left, .left)
        let rows = state.topmost(CoverageScreen.self)?.rows ?? []
        #expect(rows.count == 3 && rows.last?.serverLabel == "lab")
        var readOnly = Self.state(readOnly: true)
        Fixture.press(&readOnly, .char("C"), .char("u"), .char("u"), .char("u"), .down, .left, .left)
        #expect(Fixture.press(&readOnly, .enter).isEmpty && readOnly.resubmit == nil)
        #expect(readOnly.statusMessage == .info("Read-only mode: filling gaps is turned off."))
    }

    @Test("snapshots of the three screens at 80x24 and 200x50", arguments: [(80, 24), (200, 50)])
    func snapshots(width: Int, height: Int) {
        for (key, name) in [(Key.char("h"), "history"), (.char("t"), "timeline"), (.char("C"), "coverage")] {
            var state = Self.state(width: width, height: height)
            Fixture.press(&state, key)
            Snapshot.assertMatches(Self.render(state), named: "\(name)-\(width)x\(height)")
        }
    }
}
