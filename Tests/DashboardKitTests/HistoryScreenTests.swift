import DisplayText
import Foundation
import Insight
import Testing
@testable import DashboardKit

@Suite("History screen: sparkline, chart scaling, content")
struct HistoryScreenTests {
    func bar(_ outcome: RunOutcome, run: Double, queue: Double = 0, day: Double = 0) -> RunBar {
        RunBar(jobId: "j\(day)", outcome: outcome, ended: Fixture.base.addingTimeInterval(day * 86_400), queueWait: queue, runTime: run)
    }

    @Test("a sparkline scales finished runs to the longest shown; failures and cancels are glyphs, in both glyph sets")
    func sparkline() {
        let bars = [bar(.finished, run: 100), bar(.finished, run: 800), bar(.failed, run: 50), bar(.canceled, run: 10), bar(.finished, run: 400)]
        #expect(Sparkline.text(bars, width: 5, glyphs: .unicode) == "▁█✗⊘▄")
        #expect(Sparkline.text(bars, width: 5, glyphs: .ascii) == "_#XC-")
        #expect(Sparkline.text(bars, width: 7, glyphs: .unicode) == "  ▁█✗⊘▄", "fewer runs than cells: blanks on the left")
        #expect(Sparkline.text(bars, width: 2, glyphs: .unicode) == "⊘█", "only the newest runs")
    }

    @Test("queue wait is stacked under run time; the usual total is the baseline row")
    func stacking() {
        let chart = RunChart([bar(.finished, run: 600, queue: 300)], usual: 900, isOutlier: { _ in false }, width: 10, height: 6)
        // top = max(min(900, 2700), 1.5 × 900) = 1350: the bar takes four of six rows, one of queue.
        #expect(chart.top == 1350)
        #expect(chart.columns[0] == [.empty, .empty, .running, .running, .running, .queued])
        #expect(chart.baselineRow == 2)
        #expect(chart.cell(row: 1, column: 0) == .empty && chart.cell(row: 2, column: 0) == .running)
    }

    @Test("a stuck run cannot flatten the chart: the scale stops at three times the usual total, the run is an outlier")
    func stuckRun() {
        let runs = [bar(.finished, run: 600), bar(.finished, run: 600), bar(.finished, run: 36_000), bar(.failed, run: 300)]
        let chart = RunChart(runs, usual: 600, isOutlier: { $0 > 900 }, width: 10, height: 9)
        #expect(chart.top == 1800)
        #expect(chart.columns[0].filter { $0 == .running }.count == 3, "a usual run takes a third of the height")
        #expect(chart.columns[2][0] == .outlier, "clipped at the top, marked")
        #expect(chart.columns[3] == [.empty, .empty, .empty, .empty, .empty, .empty, .empty, .failed, .running],
                "a failed run's top cell is its mark")
        #expect(chart.baselineRow == 6)
        #expect(chart.cell(row: 6, column: 3) == .baseline && chart.cell(row: 6, column: 0) == .running)
    }

    @Test("without a baseline the scale is the tallest run and there is no line")
    func noBaseline() {
        let chart = RunChart([bar(.finished, run: 100), bar(.finished, run: 200)], usual: nil, isOutlier: { _ in true }, width: 4, height: 4)
        #expect(chart.top == 200 && chart.baselineRow == nil)
        #expect(chart.columns[0] == [.empty, .outlier, .running, .running], "an outlier is marked above its bar")
        #expect(chart.columns[1] == [.outlier, .running, .running, .running])
    }

    @Test("the content: baseline in words, failure rates, the last failure's error")
    func content() {
        let model = InsightFixture.model()
        let key = InsightFixture.key(model, context: 0, jobId: "aq-0")
        let content = HistoryContent(model: model, context: ContextID(0), server: "0", serverLabel: "prod", key: key)
        #expect(content.runCount == 29)
        #expect(content.baselineText.hasPrefix("median 11m00s, MAD 1m00s over 20 runs; queue wait 1m00s"), "\(content.baselineText)")
        #expect(content.failureRateText == "failure rate 1/29 (3%); last 20: 1/20 (5%)")
        #expect(content.lastFailure?.error == "Table IAgentQueueStats: permission denied for user dx_reader")
    }

    @Test("the view at 80x24 and 200x50: chart, outlier, failure and axis, in Unicode and ASCII")
    func view() {
        let model = InsightFixture.model()
        let key = InsightFixture.key(model, context: 0, jobId: "aq-0")
        let content = HistoryContent(model: model, context: ContextID(0), server: "0", serverLabel: "prod", key: key)
        for (width, height) in [(80, 24), (200, 50)] {
            for glyphs in [Glyphs.unicode, .ascii] {
                let surface = GridSurface(width: width, height: height)
                HistoryView.draw(content, cursor: 0, timeFormat: .utc, on: Canvas(surface: surface, options: RenderOptions(glyphs: glyphs, now: Fixture.now)))
                let text = surface.text
                #expect(text.contains("History  Agent queue stats daily"))
                #expect(text.contains(glyphs.charts.outlier) && text.contains(glyphs.charts.failed) && text.contains(glyphs.charts.baseline))
                #expect(text.contains("last failure 11-20 "))
                #expect(surface.clippedWrites.isEmpty)
            }
        }
    }

    @Test("at 44 columns the title, the run line and the last failure that do not fit end in the ellipsis: a cut text looks cut")
    func cutLinesLookCut() {
        let model = InsightFixture.model()
        let key = InsightFixture.key(model, context: 0, jobId: "aq-0")
        let content = HistoryContent(model: model, context: ContextID(0), server: "0", serverLabel: "https://cic-prod-01.example.com:8019", key: key)
        for glyphs in [Glyphs.unicode, .ascii] {
            let surface = GridSurface(width: 44, height: 24)
            HistoryView.draw(content, cursor: 0, timeFormat: .utc, on: Canvas(surface: surface, options: RenderOptions(glyphs: glyphs, now: Fixture.now)))
            let lines = surface.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let cut = lines.filter { $0.hasPrefix("History") || $0.hasPrefix(glyphs.selection) || $0.hasPrefix("last failure") }
            #expect(cut.count == 3, "\(lines)")
            for line in cut {
                #expect(line.trimmingCharacters(in: .whitespaces).hasSuffix(glyphs.ellipsis), "\(line)")
            }
        }
    }

    @Test("the chart's cells take the theme's roles: a custom failed colour and high contrast reach the failure mark")
    func chartFollowsTheTheme() throws {
        let model = InsightFixture.model()
        let key = InsightFixture.key(model, context: 0, jobId: "aq-0")
        let content = HistoryContent(model: model, context: ContextID(0), server: "0", serverLabel: "prod", key: key)
        func failureMark(_ theme: Theme) throws -> CellStyle {
            let surface = GridSurface(width: 80, height: 24)
            HistoryView.draw(content, cursor: 0, timeFormat: .utc,
                             on: Canvas(surface: surface, options: RenderOptions(glyphs: .unicode, now: Fixture.now), theme: theme))
            let lines = surface.lines
            let row = try #require(lines.indices.dropFirst(4).first { lines[$0].contains(Glyphs.unicode.charts.failed) })
            let col = try #require(Array(lines[row]).firstIndex(of: Character(Glyphs.unicode.charts.failed)))
            return surface.style(atRow: row, col: col)
        }
        #expect(try failureMark(Theme(.dark, colors: [.failed: .magenta])).color == .magenta)
        #expect(try failureMark(Theme(.highContrast)).reverse)
    }
}
