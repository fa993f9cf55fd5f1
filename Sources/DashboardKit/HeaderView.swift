import DisplayText
import Foundation
import ICWSWire

/// The two header rows: who and where, the connection, and the job counts.
enum HeaderView {
    static func draw(_ state: DashboardState, on canvas: Canvas, now: Date) {
        let width = canvas.surface.width
        var who: StyledLine = [Span("dxtop", CellStyle(bold: true))]
        if let server = state.server {
            who.append(Span("  "))
            if let user = state.user { who.append(Span(user + "@")) }
            who.append(Span(server, CellStyle(bold: true)))
        }
        var connection = connectionLine(state, now: now, glyphs: canvas.glyphs, compact: false)
        if lineWidth(who) + 2 + lineWidth(connection) > width {
            connection = connectionLine(state, now: now, glyphs: canvas.glyphs, compact: true)
        }
        let connectionWidth = min(lineWidth(connection), width)
        canvas.put(connection, row: 0, col: width - connectionWidth, width: connectionWidth)
        canvas.put(who, row: 0, col: 0, width: max(0, width - connectionWidth - 2))

        var counts = countsLine(state, compact: false)
        if lineWidth(counts) > width { counts = countsLine(state, compact: true) }
        // Leave out whole trailing groups (separator, word, count) rather than cut a number off.
        while lineWidth(counts) > width, counts.count > 2 { counts.removeLast(3) }
        let used = canvas.put(counts, row: 1, col: 0, width: width)
        let order = orderLine(state, glyphs: canvas.glyphs)
        let orderWidth = lineWidth(order)
        if used + 3 + orderWidth <= width {
            canvas.put(order, row: 1, col: width - orderWidth, width: orderWidth)
        }
    }

    /// "connected · data 2026-11-28 10:15:00 UTC", or why not and how old the data is.
    /// `compact` leaves the date out of the timestamp, for narrow screens.
    static func connectionLine(_ state: DashboardState, now: Date, glyphs: Glyphs, compact: Bool) -> StyledLine {
        let format = state.options.timeFormat
        // A timestamp is "yyyy-MM-dd HH:mm:ss[ UTC]"; the compact form keeps the time of day.
        let time = { (date: Date) in compact ? String(format.timestamp(date).dropFirst(11)) : format.timestamp(date) }
        let sep = " \(glyphs.separator) "
        let age: String
        if let at = state.lastDataAt {
            age = "last data \(time(at)) (\(TimeFormat.duration(now.timeIntervalSince(at))) ago)"
        } else {
            age = "no data yet"
        }
        switch state.connection {
        case .connecting:
            return [Span("connecting", CellStyle(color: .yellow, bold: true)), Span(sep + age)]
        case .connected:
            let data = state.lastDataAt.map { "data \(time($0))" } ?? "no data yet"
            return [Span("connected", CellStyle(color: .green, bold: true)), Span(sep + data)]
        case .reconnecting(let attempt, let reason):
            return [Span("reconnecting", CellStyle(color: .yellow, bold: true)),
                    Span(" (attempt \(attempt)): \(reason)" + sep + age)]
        case .offline(let reason):
            return [Span("offline", CellStyle(color: .red, bold: true)), Span(": \(reason)" + sep + age)]
        }
    }

    /// "jobs 12  submitted 0  queued 1 …" — every known state, unknown ones if any. The compact
    /// form (narrow screens) leaves out the total and the states with no job.
    static func countsLine(_ state: DashboardState, compact: Bool) -> StyledLine {
        var line: StyledLine = compact ? [] : [Span("jobs "), Span("\(state.jobs.count)", CellStyle(bold: true))]
        var states = JobState.known
        states += state.stateCounts.keys.filter { !JobState.known.contains($0) }.sorted { $0.rawValue < $1.rawValue }
        for jobState in states {
            let count = state.stateCounts[jobState] ?? 0
            if compact, count == 0 { continue }
            if !line.isEmpty { line.append(Span(compact ? " " : "  ")) }
            line.append(Span(jobState.word, count > 0 ? StateStyle.style(jobState) : CellStyle(dim: true)))
            line.append(Span(" \(count)", CellStyle(bold: count > 0)))
        }
        return line
    }

    /// "sort newest · filter "abc"", drawn on the right when it fits.
    static func orderLine(_ state: DashboardState, glyphs: Glyphs) -> StyledLine {
        var line: StyledLine = [Span("sort "), Span(state.sort.label, CellStyle(bold: true))]
        if state.filter.isActive {
            line.append(Span(" \(glyphs.separator) filter "))
            line.append(Span("\"\(state.filter.text)\"", CellStyle(bold: true)))
        }
        return line
    }

    private static func lineWidth(_ line: StyledLine) -> Int {
        DisplayWidth.of(TerminalSafe.clean(line.map(\.text).joined()))
    }
}
