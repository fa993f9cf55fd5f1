import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing
@testable import DashboardKit

/// The coverage screen computes the coverage of the rows it draws or selects, not of every series:
/// with random jobs nearly every job is a series of its own, and a coverage per series when `C`
/// opened held the dashboard for seconds. Counted with the model's own count of coverages
/// (`InsightModel.coverageReads`), not timed.
@Suite("The coverage screen's cost")
struct CoverageCostTests {
    static let series = 600

    /// One server, `series` series of one daily job each (a table of its own), days apart.
    static func state() -> DashboardState {
        let options = DashboardOptions(contexts: [ContextOptions(name: "prod", server: "prod.example.com", user: "jdoe")], timeFormat: .utc)
        var state = DashboardState(options: options, width: 200, height: 50)
        let context = ContextID(0)
        _ = update(&state, .connectionChanged(context: context, .connected, at: Fixture.base))
        let jobs = (0..<series).map { n in
            let extracted = InsightFixture.day(11, 20 - n % 20)
            return InsightFixture.run("own-\(n)", context: 0, name: "own \(n)", table: "T\(n)", extracted: extracted,
                                      submitted: extracted.addingTimeInterval(86_400 + Double(n)), minutes: 5)
        }
        _ = update(&state, .pageLoaded(context: context, jobs: jobs.map(\.status), olderThan: nil, requested: 1000, at: Fixture.now,
                                       configs: Dictionary(uniqueKeysWithValues: jobs.map { ($0.status.id, $0.config) })))
        _ = Fixture.rest(&state)
        return state
    }

    @Test("opening C, its frames and its keys compute the coverage of the rows on screen, once per row")
    func onlyWhatIsOnScreen() throws {
        var state = Self.state()
        Fixture.press(&state, .char("C"))
        let rows = try #require(state.topmost(CoverageScreen.self)?.rows)
        #expect(rows.count == Self.series)
        let visible = state.screenBody.height - 5
        let grid = GridSurface(width: state.width, height: state.height)
        let render = RenderOptions(glyphs: .unicode, color: false, now: Fixture.now)
        DashboardView.render(state, on: grid, options: render)
        #expect(grid.text.contains("\(Self.series) series"), "\(grid.text)")
        let opened = state.history.model.coverageReads.value
        #expect(opened > 0 && opened <= visible, "opening computed \(opened) coverages for \(visible) rows on screen")
        for key in [Key.left, .right, .char("u"), .up] {
            Fixture.press(&state, key)
            DashboardView.render(state, on: grid, options: render)
        }
        #expect(state.history.model.coverageReads.value == opened, "keys and frames over the same rows compute nothing again")
        Fixture.press(&state, .down)
        for _ in 0..<visible { Fixture.press(&state, .down) }
        DashboardView.render(state, on: grid, options: render)
        #expect(state.history.model.coverageReads.value <= opened + visible + 1, "a page down computes the rows it brings on screen")
    }

    /// A job of series `n` (table `T<n>`), named `name`, submitted `minutes` after the newest of the state.
    static func job(_ id: String, series n: Int, name: String, minutes: Double, state: JobState = .finished) -> InsightFixture.Job {
        let extracted = InsightFixture.day(11, 27)
        return InsightFixture.run(id, context: 0, name: name, table: "T\(n)", extracted: extracted,
                                  submitted: extracted.addingTimeInterval(86_400 + minutes * 60), minutes: state == .started ? nil : 5, state: state)
    }

    static func arrive(_ state: inout DashboardState, _ jobs: [InsightFixture.Job], withConfigs: Bool = true) {
        let configs = withConfigs ? Dictionary(uniqueKeysWithValues: jobs.map { ($0.status.id, $0.config) }) : [:]
        _ = update(&state, .pageLoaded(context: ContextID(0), jobs: jobs.map(\.status), olderThan: nil, requested: 1000, at: Fixture.now,
                                       configs: configs))
    }

    @Test("with C open, a job starting and ending in a series, renaming it, a new series and a job without configuration list again only the rows they touch: no pass over the series")
    func changesListOnlyTheirRows() throws {
        var state = Self.state()
        Fixture.press(&state, .char("C"))
        let scans = state.history.model.seriesScans.value
        let running = Self.job("renamed", series: 7, name: "aaa first now", minutes: 1, state: .started)
        Self.arrive(&state, [running])
        var ended = running.status
        ended.state = .finished
        ended.finishedTime = ended.startedTime?.addingTimeInterval(300)
        _ = update(&state, .statusesReceived(context: ContextID(0), [ended], at: Fixture.now))
        Self.arrive(&state, [Self.job("new", series: 9_999, name: "zzz new series", minutes: 2)])
        Self.arrive(&state, [Self.job("lone", series: 5, name: "no configuration", minutes: 3)], withConfigs: false)
        #expect(state.history.model.seriesScans.value == scans, "each change re-listed every series")
        let rows = try #require(state.topmost(CoverageScreen.self)?.rows)
        #expect(rows.count == Self.series + 1)
        #expect(rows.first?.name == "aaa first now" && rows.last?.name == "zzz new series")
        #expect(rows == state.coverageRows())
    }

    @Test("with C open, a page touching many series lists every series again, in the same order as a fresh listing")
    func manyChangesListAll() throws {
        var state = Self.state()
        Fixture.press(&state, .char("C"))
        let scans = state.history.model.seriesScans.value
        Self.arrive(&state, (0..<(CoverageRow.mostRelistedInPlace + 1)).map { n in
            Self.job("page-\(n)", series: 3 * n, name: "renamed \(n)", minutes: Double(n))
        })
        #expect(state.history.model.seriesScans.value == scans + 1)
        #expect(try #require(state.topmost(CoverageScreen.self)?.rows) == state.coverageRows())
    }
}
