import Foundation
import ICWSWire
import Insight
import Testing
@testable import DashboardKit

@Suite("Timeline screen: window, bars, rows, contention")
struct TimelineScreenTests {
    let day = InsightFixture.day(11, 28)
    static let series = InsightFixture.model().seriesRef(server: "0", jobId: "aq-0")!

    func job(_ id: String, context: Int = 0, series: String? = "s", submitted: Double, started: Double?, ended: Double?,
             _ state: JobState = .finished) -> TimelineJob {
        func hour(_ h: Double) -> Date { day.addingTimeInterval(h * 3600) }
        return TimelineJob(key: JobKey(context: ContextID(context), id: id), name: "job \(id)", series: series.map { _ in Self.series },
                           submitted: hour(submitted), started: started.map(hour), ended: ended.map(hour), state: state)
    }

    @Test("the day window, zoom around the middle, moves by a quarter")
    func window() {
        var window = TimelineWindow.day(of: InsightFixture.day(11, 28, 10, 35), calendar: InsightFixture.calendar)
        #expect(window.start == day && window.span == 86_400)
        window.zoom(in: true)
        #expect(window.span == 12 * 3600 && window.start == day.addingTimeInterval(6 * 3600))
        window.move(1)
        #expect(window.start == day.addingTimeInterval(9 * 3600))
        window.move(-1)
        window.zoom(in: false)
        #expect(window == TimelineWindow.day(of: day, calendar: InsightFixture.calendar))
        for _ in 0..<10 { window.zoom(in: false) }
        #expect(window.span == 7 * 86_400, "no wider than a week")
        #expect(window.column(of: window.start, width: 70) == 0 && window.column(of: window.end, width: 70) == 70)
    }

    @Test("a bar is queued then running, at least a cell each; a failure's last cell is its mark; a running job reaches now")
    func bars() {
        let window = TimelineWindow(start: day, step: TimelineWindow.dayStep)  // 24 columns: one an hour
        let row = TimelineRow(label: "x", jobs: [job("a", submitted: 1, started: 2, ended: 5, .failed)])
        #expect(row.cells(in: window, width: 24, now: day).prefix(6) == [.empty, .queued, .running, .running, .failed, .empty])
        let running = TimelineRow(label: "y", jobs: [job("b", submitted: 9, started: 9.01, ended: nil, .started)])
        let cells = running.cells(in: window, width: 24, now: day.addingTimeInterval(12 * 3600))
        #expect(cells[9] == .running && cells[11] == .running && cells[12] == .empty)
        let canceled = TimelineRow(label: "z", jobs: [job("c", submitted: 20, started: 20.5, ended: 20.6, .canceled)])
        #expect(canceled.cells(in: window, width: 24, now: day)[20] == .canceled)
    }

    @Test("rows per job by start, or per series on each server; jobs outside the window are left out")
    func rows() {
        let jobs = [job("late", series: "s1", submitted: 5, started: 6, ended: 7), job("early", series: "s1", submitted: 1, started: 2, ended: 3),
                    job("other", context: 1, series: "s1", submitted: 2, started: 3, ended: 4),
                    job("yesterday", submitted: -5, started: -4, ended: -3)]
        let window = TimelineWindow(start: day, step: TimelineWindow.dayStep)
        let perJob = TimelineRows.rows(jobs, window: window, grouping: .job, now: day.addingTimeInterval(86_400))
        #expect(perJob.map(\.label) == ["job early", "job other", "job late"])
        let perSeries = TimelineRows.rows(jobs, window: window, grouping: .series, now: day.addingTimeInterval(86_400))
        #expect(perSeries.map(\.label) == ["job late ×2", "job other"], "the same series on another server is another row")
        var screen = TimelineScreen(window: window)
        screen.toggleGrouping()
        #expect(screen.grouping == .series && screen.jumpTarget(in: perSeries) == JobKey(context: ContextID(0), id: "late"))
    }

    @Test("contention counts the jobs running at once in each column; back-to-back runs are not counted twice")
    func contention() {
        let jobs = [job("a", submitted: 0, started: 1, ended: 4.5), job("b", submitted: 0, started: 2, ended: 3),
                    job("c", submitted: 0, started: 4.5, ended: 5.5), job("q", submitted: 0, started: nil, ended: nil, .queued)]
        let window = TimelineWindow(start: day, step: TimelineWindow.dayStep)
        let peaks = Contention.peaks(jobs, window: window, width: 24, now: day.addingTimeInterval(86_400))
        #expect(Array(peaks.prefix(7)) == [0, 1, 2, 1, 1, 1, 0], "c starting as a ends, inside one column, is not two at once")
        #expect(Contention.text([0, 3, 12]) == " 3+")
    }

    @Test("the view at 80x24 and 200x50: bars, now line, contention per server, in both glyph sets")
    func view() {
        let jobs = [job("a", submitted: 1, started: 2, ended: 5, .failed), job("b", context: 1, submitted: 3, started: 4, ended: nil, .started)]
        let window = TimelineWindow(start: day, step: TimelineWindow.dayStep)
        let now = day.addingTimeInterval(10.5 * 3600)
        let rows = TimelineRows.rows(jobs, window: window, grouping: .job, now: now)
        let servers = [TimelineView.ServerJobs(label: "prod", jobs: [jobs[0]]), TimelineView.ServerJobs(label: "lab", jobs: [jobs[1]])]
        for (width, height) in [(80, 24), (200, 50)] {
            for glyphs in [Glyphs.unicode, .ascii] {
                let surface = GridSurface(width: width, height: height)
                TimelineView.draw(TimelineScreen(window: window), rows: rows, servers: servers, now: now, timeFormat: .utc,
                                  on: Canvas(surface: surface, options: RenderOptions(glyphs: glyphs, now: now)))
                let text = surface.text
                #expect(text.contains("Timeline  11-28 00:00"))
                #expect(text.contains(glyphs.charts.failed) && text.contains(glyphs.charts.queued) && text.contains(glyphs.charts.now))
                #expect(text.contains("prod (peak 1)") && text.contains("lab (peak 1)"))
                #expect(surface.clippedWrites.isEmpty)
            }
        }
    }

    @Test("a server label too long for the label column is cut, with the ellipsis, and its peak stays readable")
    func longServerLabelKeepsItsPeak() {
        let jobs = [job("a", submitted: 1, started: 2, ended: 5)]
        let window = TimelineWindow(start: day, step: TimelineWindow.dayStep)
        let now = day.addingTimeInterval(10.5 * 3600)
        let rows = TimelineRows.rows(jobs, window: window, grouping: .job, now: now)
        let servers = [TimelineView.ServerJobs(label: "https://cic-prod-01.example.com:8019", jobs: jobs)]
        let surface = GridSurface(width: 70, height: 20)
        TimelineView.draw(TimelineScreen(window: window), rows: rows, servers: servers, now: now, timeFormat: .utc,
                          on: Canvas(surface: surface, options: RenderOptions(glyphs: .unicode, now: now)))
        let lines = surface.lines
        #expect(lines.contains { $0.hasPrefix("http\u{2026} (peak 1)") }, "\(lines.suffix(3))")
        #expect(lines.contains { $0.hasPrefix("running at on\u{2026}") }, "\(lines.suffix(3))")
    }
}
