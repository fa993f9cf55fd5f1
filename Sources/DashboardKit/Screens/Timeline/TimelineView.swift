import DisplayText
import Foundation

/// The timeline screen (`t`): a Gantt of every server's jobs over a window, a bar per job (or per
/// series) split into queued and running, failures and cancels marked, a "now" line, and below it
/// how many jobs ran at once on each server.
enum TimelineView {
    /// One server's jobs, for its contention row.
    struct ServerJobs {
        let label: String
        let jobs: [TimelineJob]
    }

    static func labelWidth(_ width: Int) -> Int { min(30, max(12, width / 5)) }

    static func draw(_ screen: TimelineScreen, rows: [TimelineRow], servers: [ServerJobs], now: Date, timeFormat: TimeFormat,
                     on canvas: Canvas) {
        for row in 0..<canvas.height { canvas.fill(row: row, col: 0, width: canvas.width, style: .plain) }
        let g = canvas.glyphs.charts
        let muted = CellStyle(.muted)
        let window = screen.window
        let labels = labelWidth(canvas.width)
        let barWidth = max(1, canvas.width - labels - 1)
        let grouping = screen.grouping == .job ? "one row per job" : "one row per series"
        let jobCount = rows.reduce(0) { $0 + $1.jobs.count }
        canvas.put([Span("Timeline", CellStyle(bold: true)),
                    Span("  \(timeFormat.short(window.start)) \(canvas.glyphs.arrow) \(timeFormat.short(window.end))  (\(TimeFormat.duration(window.span)))"),
                    Span("  \(grouping), \(jobCount) jobs", muted)],
                   row: 0, col: 0, width: canvas.width)
        canvas.put("\(g.queued) queued  \(g.running) running  \(g.failed) failed  \(g.canceled) canceled  \(g.now) now",
                   row: 1, col: 0, width: canvas.width, style: muted)
        canvas.put(axis(window, width: barWidth, timeFormat: timeFormat), row: 2, col: labels + 1, width: barWidth, style: muted)
        let nowColumn = window.column(of: now, width: barWidth)
        let contentRows = max(1, canvas.height - 4 - servers.count)
        if rows.isEmpty {
            canvas.put("No job ran in this window. \(canvas.glyphs.arrow) and - show more.", row: 3, col: 0, width: canvas.width, style: muted)
        }
        let cursor = min(max(0, screen.cursor), max(0, rows.count - 1))
        let first = cursor < contentRows ? 0 : cursor - contentRows + 1
        for (offset, row) in rows.dropFirst(first).prefix(contentRows).enumerated() {
            let selected = first + offset == cursor
            let style = CellStyle(bold: selected, reverse: selected)
            canvas.put(CleanText(row.label).ellipsized(to: labels, glyphs: canvas.glyphs).padded(to: labels), row: 3 + offset, col: 0,
                       width: labels, style: style)
            var line = CellRow()
            for (column, cell) in row.cells(in: window, width: barWidth, now: now).enumerated() {
                let (text, look) = cell.look(g, running: .started)
                line.append(cell == .empty && column == nowColumn ? g.now : text, cell == .empty && column == nowColumn ? muted : look)
            }
            canvas.put(line.line, row: 3 + offset, col: labels + 1, width: barWidth)
        }
        let contentionTop = canvas.height - 1 - servers.count
        canvas.put(CleanText("running at once").ellipsized(to: labels, glyphs: canvas.glyphs), row: contentionTop, col: 0, width: labels,
                   style: CellStyle(bold: true))
        canvas.rule(row: contentionTop, col: labels + 1, width: barWidth, style: muted)
        if (0..<barWidth).contains(nowColumn) { canvas.put(g.now, row: contentionTop, col: labels + 1 + nowColumn, width: 1, style: CellStyle(bold: true)) }
        for (offset, server) in servers.enumerated() {
            let peaks = Contention.peaks(server.jobs, window: window, width: barWidth, now: now)
            let peak = CleanText(" (peak \(peaks.max() ?? 0))")
            let label = CleanText(server.label).ellipsized(to: max(0, labels - peak.width), glyphs: canvas.glyphs) + peak
            canvas.put(label, row: contentionTop + 1 + offset, col: 0, width: labels)
            canvas.put(Contention.text(peaks), row: contentionTop + 1 + offset, col: labels + 1, width: barWidth)
        }
    }

    /// Time labels every dozen columns or so: hours and minutes within a day, else month and day.
    static func axis(_ window: TimelineWindow, width: Int, timeFormat: TimeFormat) -> String {
        let spacing = 12
        var text = ""
        var column = 0
        while column + 5 <= width {
            let label = String(timeFormat.short(window.time(ofColumn: column, width: width)).dropFirst(window.span <= 86_400 ? 6 : 0).prefix(5))
            text += label.padding(toLength: min(spacing, width - column), withPad: " ", startingAt: 0)
            column += spacing
        }
        return text
    }
}
