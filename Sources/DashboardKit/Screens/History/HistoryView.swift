import DisplayText
import Foundation

/// The history screen (`h`): the selected job's series over time. A chart of its runs (queue wait
/// under run time, the baseline line, outliers and failures marked), its baseline and failure rate,
/// the run under the cursor and the last failure's error.
enum HistoryView {
    /// Cells of the duration axis left of the chart.
    static let axisWidth = 8
    /// Rows around the chart: three of text and a legend above, dates, the run and the failure below.
    static let textRows = 7

    static func draw(_ content: HistoryContent, cursor: Int, timeFormat: TimeFormat, on canvas: Canvas) {
        for row in 0..<canvas.height { canvas.fill(row: row, col: 0, width: canvas.width, style: .plain) }
        let g = canvas.glyphs.charts
        let muted = CellStyle(.muted)
        canvas.putCut([Span("History", CellStyle(bold: true)), Span("  "), Span(content.name, CellStyle(bold: true)),
                       Span("  series \(content.key.id), \(content.key.window.word), on \(content.serverLabel)", muted)],
                      row: 0, col: 0, width: canvas.width)
        canvas.put("baseline  " + content.baselineText, row: 1, col: 0, width: canvas.width)
        canvas.put(content.failureRateText, row: 2, col: 0, width: canvas.width)
        canvas.put("\(g.running) run  \(g.queued) queue wait  \(g.baseline) usual queue + run  \(g.outlier) outlier  \(g.failed) failed  \(g.canceled) canceled",
                   row: 3, col: 0, width: canvas.width, style: muted)
        let chartWidth = max(0, canvas.width - axisWidth)
        let chart = RunChart(content.bars, usual: content.usual, isOutlier: { content.baseline?.isOverdue(elapsed: $0) ?? false },
                             width: chartWidth, height: max(3, canvas.height - textRows))
        let top = 4
        guard !chart.bars.isEmpty else {
            canvas.put("No ended run of this series is loaded yet.", row: top, col: 0, width: canvas.width, style: muted)
            return
        }
        let selected = chart.bars.count - 1 - min(max(0, cursor), chart.bars.count - 1)
        drawAxis(chart, usual: content.usual, top: top, on: canvas)
        for row in 0..<chart.height {
            var line = CellRow()
            for column in chart.bars.indices {
                var (text, style) = chart.cell(row: row, column: column).look(g, running: .finished)
                style.reverse = column == selected
                line.append(text, style)
            }
            canvas.put(line.line, row: top + row, col: axisWidth, width: chartWidth)
        }
        let below = top + chart.height
        let first = timeFormat.short(chart.bars[0].ended), last = timeFormat.short(chart.bars[chart.bars.count - 1].ended)
        canvas.put(first, row: below, col: axisWidth, width: chartWidth, style: muted)
        let lastCol = max(axisWidth + DisplayWidth.of(first) + 2, axisWidth + chart.bars.count - DisplayWidth.of(last))
        canvas.put(last, row: below, col: lastCol, width: canvas.width - lastCol, style: muted)
        canvas.putCut(runLine(chart.bars[selected], timeFormat: timeFormat, glyphs: canvas.glyphs), row: below + 1, col: 0, width: canvas.width)
        if let failure = content.lastFailure {
            canvas.putCut([Span("last failure \(timeFormat.short(failure.ended)): \(OneLine.folded(failure.error))", CellStyle(.error))],
                          row: below + 2, col: 0, width: canvas.width)
        }
    }

    /// The duration scale: the top's value, the usual total on the baseline's row, 0 at the bottom.
    private static func drawAxis(_ chart: RunChart, usual: TimeInterval?, top: Int, on canvas: Canvas) {
        let muted = CellStyle(.muted)
        canvas.put(TimeFormat.duration(chart.top), row: top, col: 0, width: axisWidth - 1, style: muted)
        if let row = chart.baselineRow, let usual, row > 0, row < chart.height - 1 {
            canvas.put("~" + TimeFormat.duration(usual), row: top + row, col: 0, width: axisWidth - 1, style: muted)
        }
        canvas.put("0", row: top + chart.height - 1, col: 0, width: axisWidth - 1, style: muted)
    }

    /// "▶ 12-05 01:02  finished  queue 54s  run 8m02s  8ee6…" for the run under the cursor.
    static func runLine(_ bar: RunBar, timeFormat: TimeFormat, glyphs: Glyphs) -> StyledLine {
        let queue = bar.queueWait.map(TimeFormat.duration) ?? "-"
        let run = bar.runTime.map(TimeFormat.duration) ?? "-"
        return [Span("\(glyphs.selection) \(timeFormat.short(bar.ended))  "),
                Span(bar.outcome.rawValue, CellStyle(outcomeRole(bar), bold: true)),
                Span("  queue \(queue)  run \(run)  "), Span(bar.jobId, CellStyle(.muted))]
    }

    static func outcomeRole(_ bar: RunBar) -> StyleRole {
        switch bar.outcome {
        case .finished: .finished
        case .failed: .failed
        case .canceled: .canceled
        }
    }
}
