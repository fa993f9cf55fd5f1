import Foundation
import Insight
import JobComposition
import Testing
@testable import DashboardKit

@Suite("Coverage screen: periods, cells, gap fills")
struct CoverageScreenTests {
    let calendar = InsightFixture.calendar
    let now = Fixture.now  // 2026-11-28 10:35 UTC, a Saturday
    func day(_ m: Int, _ d: Int) -> Date { InsightFixture.day(m, d) }

    @Test("columns are days, weeks from Monday or months, the last holding now; the unit is the smallest that reaches back")
    func periods() {
        let days = CoveragePeriods(unit: .day, endingWith: now, count: 7, calendar: calendar)
        #expect(days.bounds.first == day(11, 22) && days.bounds.last == day(11, 29) && days.count == 7)
        let weeks = CoveragePeriods(unit: .week, endingWith: now, count: 2, calendar: calendar)
        #expect(weeks.bounds == [day(11, 16), day(11, 23), day(11, 30)])
        let months = CoveragePeriods(unit: .month, endingWith: now, count: 2, calendar: calendar)
        #expect(months.bounds == [day(10, 1), day(11, 1), day(12, 1)])
        #expect(CoveragePeriods.unit(reaching: day(11, 20), from: now, count: 20, calendar: calendar) == .day)
        #expect(CoveragePeriods.unit(reaching: day(10, 28), from: now, count: 20, calendar: calendar) == .week)
        #expect(CoveragePeriods.unit(reaching: day(1, 1), from: now, count: 20, calendar: calendar) == .month)
    }

    @Test("cells: extracted, twice, a gap never tried, a gap a failed job tried, not due yet")
    func cells() throws {
        let model = InsightFixture.model()
        let key = InsightFixture.key(model, context: 0, jobId: "aq-0")
        let coverage = try #require(model.coverage(server: "0", key: key, now: now))
        func cell(_ m: Int, _ d: Int) -> CoverageCell {
            coverage.cell(for: TimeWindow(start: day(m, d), end: calendar.date(byAdding: .day, value: 1, to: day(m, d))!))
        }
        #expect(cell(11, 8) == .extracted)
        #expect(cell(11, 9) == .overlap)
        #expect(cell(11, 19) == .failedGap)
        #expect(cell(11, 23) == .gap)
        #expect(cell(11, 26) == .gap, "due: a whole day has passed since it ended")
        #expect(cell(11, 27) == .notDue)
        #expect(cell(10, 20) == .none, "before the series began")
        let week = TimeWindow(start: day(11, 16), end: day(11, 23))
        #expect(coverage.cell(for: week) == .failedGap, "a week holding a failed gap shows it")
    }

    @Test("a fill is one job per period of the series, or one over the run of gaps; days across a DST change stay whole days")
    func gapFill() {
        var fill = GapFill(gap: TimeWindow(start: day(11, 23), end: day(11, 26)), windowClass: WindowClass(.day), displayZone: InsightFixture.utc)
        #expect(fill.windows.count == 3 && fill.windows[1] == TimeWindow(start: day(11, 24), end: day(11, 25)))
        fill.perPeriod = false
        #expect(fill.windows == [TimeWindow(start: day(11, 23), end: day(11, 26))])
        let paris = TimeZone(identifier: "Europe/Paris")!
        let local = Calendar.gregorian(in: paris)
        let start = local.date(from: DateComponents(year: 2026, month: 10, day: 24))!
        let end = local.date(from: DateComponents(year: 2026, month: 10, day: 27))!
        let dst = GapFill(gap: TimeWindow(start: start, end: end), windowClass: WindowClass(.day), displayZone: paris)
        #expect(dst.windows.map(\.length) == [86_400, 90_000, 86_400], "25 October 2026 has 25 hours in Paris")
    }

    @Test("the cursor moves over periods, and at the left edge the grid moves back; never past now")
    func cursor() {
        var screen = CoverageScreen(rows: [], unit: .day)
        screen.moveColumn(-3, columns: 5)
        #expect(screen.cursorFromRight == 3 && screen.back == 0)
        screen.moveColumn(-4, columns: 5)
        #expect(screen.cursorFromRight == 4 && screen.back == 3)
        screen.moveColumn(10, columns: 5)
        #expect(screen.cursorFromRight == 0 && screen.back == 0)
        screen.nextUnit()
        #expect(screen.unit == .week)
    }

    @Test("the view at 80x24 and 200x50: every series of both servers, distinct glyphs, the cursor's cell described")
    func view() {
        let model = InsightFixture.model()
        let rows = model.seriesNames().map { name in
            CoverageRow(context: ContextID(Int(name.server)!), series: name.ref, key: name.key, name: name.name, serverLabel: name.server == "0" ? "prod" : "lab")
        }
        let coverage = { (row: CoverageRow) in model.coverage(server: String(row.context.index), key: row.key, now: now) }
        var screen = CoverageScreen(rows: rows, unit: .day)
        screen.moveRow(rows.firstIndex { $0.name.hasPrefix("Agent") } ?? 0)
        screen.moveColumn(-2, columns: 10)  // 11-26: a gap
        for (width, height) in [(80, 24), (200, 50)] {
            for glyphs in [Glyphs.unicode, .ascii] {
                let surface = GridSurface(width: width, height: height)
                CoverageView.draw(screen, coverage: coverage, now: now, timeFormat: .utc, readOnly: false,
                                  on: Canvas(surface: surface, options: RenderOptions(glyphs: glyphs, now: now)))
                let text = surface.text
                let g = glyphs.charts
                #expect(Set([g.extracted, g.overlap, g.gap, g.failedGap, g.notDue]).count == 5)
                for mark in [g.extracted, g.gap, g.notDue] { #expect(text.contains(mark)) }
                #expect(text.contains("lab Workgroup") && text.contains("prod Interaction"), "\(text)")
                #expect(surface.lines.last?.contains("11-26 00:00: gap") == true, "\(surface.lines.last ?? "")")
                #expect(surface.clippedWrites.isEmpty)
            }
        }
    }
}
