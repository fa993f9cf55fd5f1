import DisplayText
import Foundation
import ICWSWire

/// The header rows: who and where, the connection, and the job counts. With several servers the
/// first row sums the links up, and when there is room each server gets a line of its own.
enum HeaderView {
    /// Cells the left part (`user@server`) keeps at least, however long the connection reason
    /// is (a third of the row on narrow screens).
    static func minimumWhoWidth(_ width: Int) -> Int { min(28, width / 3) }

    /// Draws the two rows at the top of `canvas` (the header's area).
    static func draw(_ state: DashboardState, on canvas: Canvas, now: Date) {
        let width = canvas.width
        if state.options.isMultiServer {
            let summary: StyledLine = [Span("dxtop", CellStyle(.header, bold: true)), Span("  "), Span(serversSummary(state))]
            canvas.put(summary, row: 0, col: 0, width: width)
            for (offset, server) in state.servers.prefix(state.layout.serverLines).enumerated() {
                canvas.put(serverLine(server), row: 1 + offset, col: 0, width: width)
            }
        } else {
            drawServer(state, on: canvas, now: now)
        }

        // Full words, then without the total and empty states, then abbreviated; whole trailing
        // groups are left out only when even that does not fit (a number is never cut).
        var counts = countsLine(state, form: .full)
        if lineWidth(counts) > width { counts = countsLine(state, form: .compact) }
        if lineWidth(counts) > width { counts = countsLine(state, form: .abbreviated) }
        while lineWidth(counts) > width, counts.count > 2 { counts.removeLast(3) }
        let countsRow = canvas.height - 1
        let used = canvas.put(counts, row: countsRow, col: 0, width: width)
        let order = orderLine(state, glyphs: canvas.glyphs)
        let orderWidth = lineWidth(order)
        if used + 3 + orderWidth <= width {
            canvas.put(order, row: countsRow, col: width - orderWidth, width: orderWidth)
        }
    }

    /// The servers' links in one line: "2/3 connected, lab offline, dr reconnecting" (each server
    /// not connected is named, cleaned).
    static func serversSummary(_ state: DashboardState) -> CleanText {
        let connected = state.servers.filter { $0.connection.isReceiving }.count
        var text = CleanText("\(connected)/\(state.servers.count) connected")
        for server in state.servers where server.connection != .connected {
            text = text + CleanText(", ") + CleanText(server.label) + CleanText(" " + connectionWords(server.connection).brief)
        }
        return text
    }

    /// "  lab  admin@lab.example.com  offline: connection refused" (the canvas cuts what does not fit).
    static func serverLine(_ server: ServerState) -> StyledLine {
        var line: StyledLine = [Span("  "), Span(CleanText(server.label), CellStyle(.context, color: server.options.color, bold: true)), Span("  ")]
        if let address = server.server {
            line.append(Span(CleanText((server.user.map { $0 + "@" } ?? "") + address)))
            line.append(Span("  "))
        }
        let (word, reason) = connectionWords(server.connection).long
        line.append(word)
        if let reason { line.append(Span(CleanText(": ") + reason)) }
        return line
    }

    /// Row 0 for one server: "dxtop", `user@server` and its connection line. The title always
    /// stays; an address that does not fit loses the user first, then its end, which is marked
    /// cut (an ellipsis), never a port cut short that reads as another one.
    private static func drawServer(_ state: DashboardState, on canvas: Canvas, now: Date) {
        let width = canvas.width
        let glyphs = canvas.glyphs
        let server = state.servers[0].server.map(CleanText.init)
        let user = state.servers[0].user.map { CleanText($0 + "@") }
        let brand: StyledLine = [Span("dxtop", CellStyle(.header, bold: true))] + (server == nil ? [] : [Span("  ")])
        let placeWidth = (server?.width ?? 0) + (user?.width ?? 0)
        let connection = connectionLine(state, now: now, glyphs: glyphs, width: width,
                                        whoWidth: lineWidth(brand) + placeWidth, placeWidth: placeWidth)
        let connectionWidth = min(lineWidth(connection), width)
        canvas.put(connection, row: 0, col: width - connectionWidth, width: connectionWidth)
        let room = max(0, width - connectionWidth - 2 - lineWidth(brand))
        var place: StyledLine = []
        if let server {
            if let user, user.width + server.width <= room { place.append(Span(user)) }
            place.append(Span(server.ellipsized(to: room, glyphs: glyphs), CellStyle(.header, color: state.servers[0].options.color, bold: true)))
        }
        canvas.put(brand + place, row: 0, col: 0, width: max(0, width - connectionWidth - 2))
    }

    /// One way of writing the connection line, from the longest to the shortest.
    private struct Form {
        var word: Span
        var age: String
        /// Cells the line may take.
        var room: Int
    }

    /// "connected", or why not and how old the data is ("offline: … · last data 10:15:00 (2m ago)"), beside the
    /// left part (`whoWidth` cells with "dxtop", `placeWidth` without) on a row `width` cells wide.
    /// What gives way, in order: the date, the "(… ago)", the time zone and the word "attempt",
    /// the address down to `minimumWhoWidth` (cut with an ellipsis), then the end of the reason
    /// (shortened with an ellipsis). "dxtop" and "last data HH:MM:SS" always stay.
    static func connectionLine(_ state: DashboardState, now: Date, glyphs: Glyphs, width: Int,
                               whoWidth: Int, placeWidth: Int) -> StyledLine {
        let words = connectionWords(state.servers[0].connection)
        let (word, reason) = words.long
        let shortWord = words.short
        let ages = ageForms(state, now: now)
        let sep = " \(glyphs.separator) "
        let brandWidth = whoWidth - placeWidth
        let minimumRoom = width - brandWidth - min(placeWidth, minimumWhoWidth(width)) - 2
        let forms = [
            Form(word: word, age: ages[0], room: width - whoWidth - 2),
            Form(word: word, age: ages[1], room: width - whoWidth - 2),
            Form(word: word, age: ages[2], room: width - whoWidth - 2),
            Form(word: shortWord, age: ages[3], room: width - whoWidth - 2),
            Form(word: shortWord, age: ages[3], room: minimumRoom),
        ]
        let lead = reason == nil ? 0 : 2
        func reasonRoom(_ form: Form) -> Int { form.room - DisplayWidth.of(form.word.text + sep + form.age) - lead }
        let reasonWidth = reason?.width ?? 0
        let chosen = forms.first { reasonRoom($0) >= reasonWidth }
            ?? forms.dropFirst(3).first { reasonRoom($0) >= min(reasonWidth, 8) }
            ?? forms[forms.count - 1]
        var line: StyledLine = [chosen.word]
        let room = reasonRoom(chosen)
        if let reason, room >= min(reason.width, 2) {
            line.append(Span(CleanText(": ") + reason.ellipsized(to: room, glyphs: glyphs)))
        }
        if !chosen.age.isEmpty { line.append(Span(sep + chosen.age)) }
        return line
    }

    /// A link state in words, the one place they are chosen: the word and the reason when the
    /// link is down (`long`), a shorter word for a narrow row (`short`), and one plain word for
    /// the several-servers summary (`brief`).
    struct ConnectionWords {
        var long: (word: Span, reason: CleanText?)
        var short: Span
        var brief: String
    }

    static func connectionWords(_ status: ConnectionStatus) -> ConnectionWords {
        func same(_ text: String, _ role: StyleRole, reason: CleanText? = nil, brief: String? = nil) -> ConnectionWords {
            let word = Span(text, CellStyle(role, bold: true))
            return ConnectionWords(long: (word, reason), short: word, brief: brief ?? text)
        }
        switch status {
        case .connecting: return same("connecting", .warning)
        case .connected: return same("connected", .connected)
        case .stale: return same("stale", .warning)
        case .reconnecting(let attempt, let trouble):
            let style = CellStyle(.warning, bold: true)
            return ConnectionWords(long: (Span("reconnecting (attempt \(attempt))", style), CleanText(trouble.words)),
                                   short: Span("reconnecting #\(attempt)", style), brief: "reconnecting")
        case .offline(let trouble): return same("offline", .error, reason: CleanText(trouble.words))
        case .pollingWhileStreamUnstable(let interval):
            return same("stream unstable", .warning, reason: CleanText("polling every \(interval.components.seconds) s"), brief: "polling")
        }
    }

    /// How old the data is, from the longest form to the shortest: with the date and the age,
    /// without the date, without the age, without the time zone.
    private static func ageForms(_ state: DashboardState, now: Date) -> [String] {
        guard let at = state.lastDataAt else { return Array(repeating: "no data yet", count: 4) }
        // While connected the data is live: no timestamp, so a quiet dashboard writes nothing when the
        // periodic check finds nothing new.
        if state.servers[0].connection.isReceiving { return Array(repeating: "", count: 4) }
        // A timestamp is "yyyy-MM-dd HH:mm:ss[ UTC]".
        let stamp = state.options.timeFormat.timestamp(at)
        let time = String(stamp.dropFirst(11))
        let clock = String(time.prefix(8))
        let ago = " (\(TimeFormat.duration(now.timeIntervalSince(at))) ago)"
        return ["last data \(stamp)" + ago, "last data \(time)" + ago, "last data \(time)", "last data \(clock)"]
    }

    /// How much room the counts get.
    enum CountsForm { case full, compact, abbreviated }

    /// "jobs 12  submitted 0  queued 1 …" — every known state, unknown ones if any. The compact
    /// form leaves out the total and the states with no job; the abbreviated one also shortens the
    /// words ("sub 2 que 1 sta 5").
    static func countsLine(_ state: DashboardState, form: CountsForm) -> StyledLine {
        let compact = form != .full
        var line: StyledLine = compact ? [] : [Span("jobs "), Span("\(state.jobs.count)", CellStyle(bold: true))]
        var states = JobState.known
        states += state.stateCounts.keys.filter { !JobState.known.contains($0) }.sorted { $0.rawValue < $1.rawValue }
        for jobState in states {
            let count = state.stateCounts[jobState] ?? 0
            if compact, count == 0 { continue }
            if !line.isEmpty { line.append(Span(compact ? " " : "  ")) }
            var word = jobState.word
            if form == .abbreviated, JobState.known.contains(jobState) { word = String(word.prefix(3)) }
            line.append(Span(word, count > 0 ? StateStyle.style(jobState) : CellStyle(.muted)))
            line.append(Span(" \(count)", CellStyle(bold: count > 0)))
        }
        // Once any job joined a series (until then there is nothing to judge).
        let insight = state.history.hasSeries ? state.insightCounts : (overdue: 0, failing: 0)
        for (word, short, count) in [("overdue", "ovd", insight.overdue), ("failing series", "fail", insight.failing)]
        where state.history.hasSeries && (!compact || count > 0) {
            line.append(Span(compact ? " " : "  "))
            line.append(Span(form == .abbreviated ? short : word, count > 0 ? CellStyle(.overdue) : CellStyle(.muted)))
            line.append(Span(" \(count)", CellStyle(bold: count > 0)))
        }
        return line
    }

    /// "sort newest · filter "abc"", drawn on the right when it fits.
    static func orderLine(_ state: DashboardState, glyphs: Glyphs) -> StyledLine {
        var line: StyledLine = [Span("sort "), Span(state.sort.label, CellStyle(bold: true))]
        if state.filter.isActive {
            line.append(Span(" \(glyphs.separator) filter "))
            line.append(Span(CleanText("\"\(state.filter.text)\""), CellStyle(bold: true)))
        }
        return line
    }

    /// Cells a line takes; its server strings are already `CleanText`, the rest is our own text.
    private static func lineWidth(_ line: StyledLine) -> Int {
        line.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }
}
