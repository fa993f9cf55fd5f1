import DisplayText
import Foundation
import Insight
import JobComposition

/// The coverage screen (`C`): series as rows, periods as columns, each cell extracted, extracted
/// twice, a gap, a gap a failed job tried, or not due yet; below, what the cursor's cell holds.
enum CoverageView {
    static func labelWidth(_ width: Int) -> Int { min(32, max(12, width / 4)) }

    static func columns(_ width: Int) -> Int { max(1, width - labelWidth(width) - 1) }

    static func draw(_ screen: CoverageScreen, coverage: (CoverageRow) -> Coverage?, now: Date, timeFormat: TimeFormat, readOnly: Bool, on canvas: Canvas) {
        for row in 0..<canvas.height { canvas.fill(row: row, col: 0, width: canvas.width, style: .plain) }
        let g = canvas.glyphs.charts
        let muted = CellStyle(.muted)
        let labels = labelWidth(canvas.width)
        let count = columns(canvas.width)
        let calendar = Calendar.gregorian(in: timeFormat.timeZone)
        let periods = screen.periods(columns: count, now: now, calendar: calendar)
        canvas.put([Span("Coverage", CellStyle(bold: true)),
                    Span("  \(screen.rows.count) series, by \(periods.unit.word): \(timeFormat.short(periods.bounds[0])) \(canvas.glyphs.arrow) \(timeFormat.short(periods.bounds[periods.count]))")],
                   row: 0, col: 0, width: canvas.width)
        canvas.put("\(g.extracted) extracted  \(g.overlap) extracted twice  \(g.gap) gap  \(g.failedGap) gap, failed  \(g.notDue) not due",
                   row: 1, col: 0, width: canvas.width, style: muted)
        canvas.put(header(periods, timeFormat: timeFormat), row: 2, col: labels + 1, width: count, style: muted)
        guard !screen.rows.isEmpty else {
            canvas.put("No series yet: jobs join a series once their configuration is read.", row: 3, col: 0, width: canvas.width, style: muted)
            return
        }
        let visible = max(1, canvas.height - 5)
        let cursorRow = min(screen.cursorRow, screen.rows.count - 1)
        let first = cursorRow < visible ? 0 : cursorRow - visible + 1
        let cursorColumn = periods.count - 1 - min(screen.cursorFromRight, periods.count - 1)
        for (offset, row) in screen.rows.dropFirst(first).prefix(visible).enumerated() {
            let selected = first + offset == cursorRow
            let label = CleanText(row.serverLabel.isEmpty ? row.name : row.serverLabel + " " + row.name).ellipsized(to: labels, glyphs: canvas.glyphs).padded(to: labels)
            canvas.put(label, row: 3 + offset, col: 0, width: labels, style: CellStyle(bold: selected))
            var line = CellRow()
            let rowCoverage = coverage(row)
            for column in 0..<periods.count {
                let cell = rowCoverage?.cell(for: periods.window(column)) ?? .none
                var style = look(cell)
                style.reverse = selected && column == cursorColumn
                line.append(cell.glyph(g), style)
            }
            canvas.put(line.line, row: 3 + offset, col: labels + 1, width: count)
        }
        if let selection = screen.selection(columns: count, now: now, calendar: calendar, coverage: coverage) {
            canvas.putCut(describe(selection.row, coverage: selection.coverage, period: selection.period, cell: selection.cell, timeFormat: timeFormat,
                                   readOnly: readOnly, glyphs: canvas.glyphs),
                          row: canvas.height - 1, col: 0, width: canvas.width)
        }
    }

    /// A period label every ten columns.
    static func header(_ periods: CoveragePeriods, timeFormat: TimeFormat) -> String {
        var text = ""
        var column = 0
        while column + 5 <= periods.count {
            let label = String(timeFormat.short(periods.bounds[column]).prefix(5))
            text += label.padding(toLength: min(10, periods.count - column), withPad: " ", startingAt: 0)
            column += 10
        }
        return text
    }

    /// "Agent queue stats daily, 12-04 00:00: gap 12-01 00:00 → 12-05 00:00 (4 periods, tried). Enter: fill it"
    static func describe(_ row: CoverageRow, coverage: Coverage?, period: TimeWindow, cell: CoverageCell, timeFormat: TimeFormat, readOnly: Bool,
                         glyphs: Glyphs) -> StyledLine {
        var line: StyledLine = [Span(row.name, CellStyle(bold: true)), Span(", \(timeFormat.short(period.start)): ")]
        switch cell {
        case .gap, .failedGap:
            let gap = coverage?.gaps(touching: period).first
            let window = gap.map { "\(timeFormat.short($0.window.start)) \(glyphs.arrow) \(timeFormat.short($0.window.end))" } ?? ""
            let periods = gap.map { "\($0.periods) period\($0.periods == 1 ? "" : "s")" } ?? ""
            line.append(Span("gap \(window) (\(periods)\(cell == .failedGap ? ", tried and failed" : ", never tried"))",
                             CellStyle(.error)))
            line.append(Span(readOnly ? "  read-only: no fill" : "  Enter: fill it", CellStyle(.muted)))
        case .extracted: line.append(Span("extracted"))
        case .overlap: line.append(Span("extracted twice or more", CellStyle(.warning)))
        case .notDue: line.append(Span("not due yet", CellStyle(.muted)))
        case .none: line.append(Span("outside the series' span", CellStyle(.muted)))
        }
        return line
    }

    private static func look(_ cell: CoverageCell) -> CellStyle {
        switch cell {
        case .none, .notDue: CellStyle(.muted)
        case .extracted: CellStyle(.finished)
        case .overlap: CellStyle(.warning)
        case .gap: CellStyle(.failed, bold: true)
        case .failedGap: CellStyle(.failed, bold: true)
        }
    }
}
