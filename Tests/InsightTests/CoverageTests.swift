import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing

@Suite("Coverage: extracted, failed, gaps and overlaps, in local days")
struct CoverageTests {
    /// A series of one job per window, each submitted at 01:00 the day after its window ends.
    func model(_ windows: [(TimeWindow, JobState)], zone: TimeZone = paris) -> (InsightModel, SeriesKey) {
        var model = InsightModel(timeZone: zone)
        for (i, (window, state)) in windows.enumerated() {
            model.record(server: "prod", status: ended("j\(i)", state, submitted: window.end.addingTimeInterval(3600 + Double(i)), minutes: 10),
                         config: config(window: window))
        }
        return (model, model.summaries()[0].key)
    }

    /// The daily windows from `first` for `count` days, as the "yesterday" preset makes them.
    func days(from first: (Int, Int, Int), count: Int, zone: TimeZone = paris) -> [TimeWindow] {
        (0..<count).map { dayWindow(zone, first.0, first.1, first.2 + $0) }
    }

    @Test("daily windows across both DST changes join up: no gap, no overlap")
    func dstContiguous() {
        for start in [(2026, 3, 25), (2026, 10, 22)] {
            let windows = days(from: start, count: 8)
            let (m, key) = model(windows.map { ($0, .finished) })
            let coverage = m.coverage(server: "prod", key: key, now: windows.last!.end.addingTimeInterval(86_400 + 7200))!
            #expect(coverage.extracted == [TimeWindow(start: windows[0].start, end: windows.last!.end)])
            #expect(coverage.gaps.isEmpty)
            #expect(coverage.overlaps.isEmpty)
        }
    }

    @Test("a day missing on a DST change is one 23-hour gap; tried and failed, it is attempted and the failure not recovered")
    func dstGap() {
        let windows = days(from: (2026, 3, 26), count: 6)  // 29 March is the 23-hour day
        let missing = windows[3]
        #expect(missing.length == 23 * 3600)
        let now = windows.last!.end.addingTimeInterval(86_400 + 7200)
        let (skipped, key) = model(windows.enumerated().filter { $0.offset != 3 }.map { ($0.element, .finished) })
        let coverage = skipped.coverage(server: "prod", key: key, now: now)!
        #expect(coverage.gaps.map(\.window) == [missing])
        #expect(coverage.gaps.map(\.periods) == [1])
        #expect(coverage.gaps.map(\.attempted) == [false])
        let (failed, _) = model(windows.enumerated().map { ($0.element, $0.offset == 3 ? .failed : .finished) })
        let tried = failed.coverage(server: "prod", key: key, now: now)!
        #expect(tried.gaps.map(\.attempted) == [true])
        #expect(tried.failed.map(\.window) == [missing])
        #expect(tried.failed.map(\.recovered) == [false])
        // Re-run and finished: no gap, the failure recovered.
        var rerun = failed
        rerun.record(server: "prod", status: ended("again", submitted: now, minutes: 10), config: config(window: missing))
        let healed = rerun.coverage(server: "prod", key: key, now: now)!
        #expect(healed.gaps.isEmpty)
        #expect(healed.failed.map(\.recovered) == [true])
    }

    @Test("gaps are judged up to one period before now: yesterday is not missing yet, the day before is")
    func horizon() {
        let windows = days(from: (2026, 11, 1), count: 5)  // 1–5 November
        let (m, key) = model(windows.map { ($0, .finished) })
        // On 7 November at 10:00, 6 November (yesterday) is not due yet.
        #expect(m.coverage(server: "prod", key: key, now: at(paris, 2026, 11, 7, 10))!.gaps.isEmpty)
        // On 8 November, 6 November is missing (and 7 November not yet due).
        let later = m.coverage(server: "prod", key: key, now: at(paris, 2026, 11, 8, 0, 30))!
        #expect(later.gaps.map(\.window) == [dayWindow(paris, 2026, 11, 6)])
        #expect(later.span?.end == at(paris, 2026, 11, 7))
    }

    @Test("monthly windows over month ends of 28, 30 and 31 days; a missing February is one period")
    func monthEnds() {
        let months = (1...6).map { TimeWindow(start: at(paris, 2026, $0, 1), end: at(paris, 2026, $0 + 1, 1)) }
        let (m, key) = model(months.enumerated().filter { $0.offset != 1 }.map { ($0.element, .finished) })
        #expect(key.window == WindowClass(.month))
        let coverage = m.coverage(server: "prod", key: key, now: at(paris, 2026, 8, 2))!
        #expect(coverage.gaps.map(\.window) == [months[1]])
        #expect(coverage.gaps.map(\.periods) == [1])
        #expect(coverage.span == TimeWindow(start: months[0].start, end: at(paris, 2026, 7, 1)))
        // July is due only from 1 September.
        #expect(m.coverage(server: "prod", key: key, now: at(paris, 2026, 8, 31, 23))!.gaps.count == 1)
        #expect(m.coverage(server: "prod", key: key, now: at(paris, 2026, 9, 1, 0, 1))!.gaps.count == 2)
    }

    @Test("a day extracted twice (or three times) is one overlap; a run of missing days is one gap of several periods")
    func overlapsAndRuns() {
        let windows = days(from: (2026, 11, 1), count: 10)
        var jobs = windows.enumerated().filter { !(4...6).contains($0.offset) }.map { ($0.element, JobState.finished) }
        jobs += [(windows[2], .finished), (windows[2], .finished), (windows[8], .canceled)]
        let (m, key) = model(jobs)
        let coverage = m.coverage(server: "prod", key: key, now: at(paris, 2026, 11, 12, 10))!
        #expect(coverage.overlaps == [windows[2]])
        #expect(coverage.gaps.map(\.window) == [TimeWindow(start: windows[4].start, end: windows[6].end)])
        #expect(coverage.gaps.map(\.periods) == [3])
        #expect(coverage.failed.map(\.outcome) == [.canceled])
        #expect(coverage.failed.map(\.recovered) == [true])
        let clipped = coverage.clipped(to: TimeWindow(start: windows[5].start, end: windows[9].end))
        #expect(clipped.gaps.map(\.window) == [TimeWindow(start: windows[5].start, end: windows[6].end)])
        #expect(clipped.gaps.map(\.periods) == [2])
        #expect(clipped.overlaps.isEmpty)
    }

    @Test("weekly windows: periods start on the weekday of the series")
    func weeks() {
        let weeks = (0..<5).map { i in
            WindowPreset.last7Days.window(now: at(paris, 2026, 10, 7 + 7 * i, 9), timeZone: paris)  // Wednesdays, across the October DST change
        }
        let (m, key) = model(weeks.enumerated().filter { $0.offset != 2 }.map { ($0.element, .finished) })
        #expect(key.window == WindowClass(.week))
        let coverage = m.coverage(server: "prod", key: key, now: weeks[4].end.addingTimeInterval(8 * 86_400))!
        #expect(coverage.gaps.map(\.window) == [weeks[2]])
        #expect(coverage.span?.end == weeks[4].end)
    }

    @Test("the earliest window of any ended run, failed ones included, kept as runs come in any order; a pending job's is not")
    func earliestWindowStart() {
        let windows = days(from: (2026, 11, 2), count: 5)
        var (m, _) = model([(windows[3], .finished), (windows[1], .failed), (windows[4], .finished)])
        #expect(m.earliestWindowStart == windows[1].start)
        m.record(server: "prod", status: ended("late", .finished, submitted: windows[4].end.addingTimeInterval(7200), minutes: 5),
                 config: config(window: windows[2]))
        #expect(m.earliestWindowStart == windows[1].start)
        let running = ended("running", .started, submitted: windows[4].end.addingTimeInterval(9000), minutes: 5)
        m.record(server: "prod", status: running, config: config(window: windows[0]))
        #expect(m.earliestWindowStart == windows[1].start)
        #expect(InsightModel(timeZone: paris).earliestWindowStart == nil)
    }
}
