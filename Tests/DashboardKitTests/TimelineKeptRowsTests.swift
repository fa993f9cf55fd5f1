import Foundation
import ICWSWire
import Testing
@testable import DashboardKit

/// The timeline keeps its rows between keys (`j`/`k` read no job); a page or a status makes it read
/// them again, a moved or zoomed window only the stretch it adds.
@Suite("Timeline: kept rows")
struct TimelineKeptRowsTests {
    /// The rows the screen shows, checked against rows read afresh from the jobs.
    func rows(_ state: DashboardState) throws -> [TimelineRow] {
        let screen = try #require(state.topmost(TimelineScreen.self))
        let now = state.timelineNow
        let withSeries = screen.current(state).read.withSeries
        #expect(withSeries || screen.grouping == .job, "rows per series have their series")
        let fresh = TimelineRows.rows(state.timelineJobs(in: screen.window, now: now, withSeries: withSeries),
                                      window: screen.window, grouping: screen.grouping, now: now)
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

    /// Two servers, a job every 20 minutes on each for three days before `Fixture.now` (8.5 days at
    /// 10:35), of four series, every seventh without its configuration (a row of its own), the
    /// newest three of each still running. Submission times of all of them.
    static func dense() -> (state: DashboardState, submitted: [Date]) {
        var state = InsightScreensTests.state(width: 200, height: 50)
        var submitted: [Date] = []
        for context in [InsightScreensTests.prod, InsightScreensTests.lab] {
            let jobs = (0..<216).map { n in
                let time = Fixture.now.addingTimeInterval(Double(-20 * 60 * n - 60 * context.index))
                return InsightFixture.run("dense-\(context.index)-\(n)", context: context.index, name: "dense \(n % 4)", table: "T\(n % 4)",
                                          extracted: InsightFixture.day(11, 20), submitted: time, minutes: n < 3 ? nil : 12,
                                          state: n < 3 ? .started : n % 5 == 0 ? .failed : .finished)
            }
            submitted += jobs.compactMap(\.status.submitTime)
            var configs: [String: JobConfig] = [:]
            for (n, job) in jobs.enumerated() where n % 7 != 0 { configs[job.status.id] = job.config }
            _ = update(&state, .pageLoaded(context: context, jobs: jobs.map(\.status), olderThan: nil, requested: 1000, at: Fixture.now,
                                           configs: configs))
        }
        submitted += InsightFixture.jobs.compactMap(\.status.submitTime)
        return (state, submitted)
    }

    @Test("moving and zooming the window read from the job store only the jobs submitted in the stretch it adds; s reads none")
    func movesReadOnlyWhatIsAdded() throws {
        var (state, submitted) = Self.dense()
        Fixture.press(&state, .char("t"))
        var read = try #require(state.topmost(TimelineScreen.self)?.current(state).read)
        var readInAll = read.readFromStore, keptInAll = 0
        for key in [Key.left, .left, .left, .right, .char("-"), .char("+"), .char("s"), .char("-"), .char("-"), .left, .char("s")] {
            Fixture.press(&state, key)
            let before = read
            read = try #require(state.topmost(TimelineScreen.self)?.current(state).read)
            let added = submitted.count { time in
                (read.from..<read.to).contains(time) && !(before.from..<before.to).contains(time)
            }
            #expect(read.readFromStore == added, "\(key): read \(read.readFromStore) jobs, \(added) were submitted in the stretch it adds")
            #expect(read.jobs.count == submitted.count { (read.from..<read.to).contains($0) })
            readInAll += read.readFromStore
            keptInAll += read.jobs.count - read.readFromStore
            _ = try rows(state)
        }
        #expect(keptInAll > readInAll, "most of each window's jobs are kept from the window before")
        #expect(state.history.model.seriesScans.value == 0)
    }
}
