import DisplayText
import ICWSWire
import JobComposition

/// The bulk resubmit review: the question and what is left out, then the jobs under a line per
/// server, each with the window it will extract (or, after `y`, its result).
enum BulkResubmitView {
    static func draw(_ review: BulkResubmit, state: DashboardState, on canvas: Canvas) {
        let width = boxWidth(canvas.width)
        var lines = question(review, state: state, width: width)
        lines += MarkedJobListView.lines(review.list, room: listRoom(question: lines.count, height: canvas.height)) {
            line(of: $0, review: review, state: state, width: width, glyphs: canvas.glyphs)
        }
        lines.append([])
        lines.append(FooterView.hintLine(state, in: review.keyContext))
        BoxView.draw(title: review.confirmed ? "Bulk resubmit: results" : "Resubmit marked jobs", lines: lines, minWidth: width, on: canvas)
    }

    static func boxWidth(_ screenWidth: Int) -> Int { min(90, screenWidth - 8) }

    /// The summary, wrapped, and whether the windows are shifted, between blank lines.
    static func question(_ review: BulkResubmit, state: DashboardState, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = [[]]
        for text in summary(review, state: state) { lines += CleanText(text).wrapped(to: width).map { [Span($0, CellStyle(bold: true))] } }
        if review.shifted, !review.confirmed {
            lines.append([Span("(every window shifted forward by its own length; w undoes)", CellStyle(.warning))])
        }
        return lines + [[]]
    }

    /// The box keeps the question and the keys; the jobs get the rest.
    static func listRoom(question: Int, height: Int) -> Int { max(1, height - 2 - question - 4) }

    static func listRoom(_ review: BulkResubmit, state: DashboardState) -> Int {
        listRoom(question: question(review, state: state, width: boxWidth(state.width)).count, height: state.height)
    }

    /// "Resubmit 4 jobs on 2 servers?" and what is left out; after `y`, how many of each result.
    static func summary(_ review: BulkResubmit, state: DashboardState) -> [String] {
        let readOnly = review.readOnlyCount
        if review.confirmed {
            let sent = review.entries.count { if case .sent = $0.outcome { true } else { false } }
            let refused = review.entries.count { if case .refused = $0.outcome { true } else { false } }
            let waiting = review.entries.count { $0.outcome == .queued || $0.outcome == .sending }
            let skipped = review.entries.count { if case .skipped = $0.outcome { true } else { false } }
            return ["\(sent) sent, \(refused) refused, \(waiting) still to send, \(skipped) skipped."]
        }
        let jobs = review.toSend.count
        let servers = Set(review.toSend.map(\.key.context)).count
        var lines = [jobs == 0 ? "No marked job can be resubmitted." : "Resubmit \(MarkedJobListView.plural(jobs, "job")) on \(MarkedJobListView.plural(servers, "server"))?"]
        if readOnly > 0 { lines.append("\(MarkedJobListView.plural(readOnly, "job")) on read-only contexts left out.") }
        let loading = state.bulkResubmitLoading
        if loading > 0 { lines.append("Loading \(MarkedJobListView.plural(loading, "configuration")) from the servers\u{2026}") }
        return lines
    }

    /// A line of the jobs: a heading per server, "lab (3)", then "  1043  nightly  11-28 00:00 → 11-29 00:00".
    static func line(of line: MarkedJobList<BulkResubmit.Entry>.Line, review: BulkResubmit, state: DashboardState,
                     width: Int, glyphs: Glyphs) -> StyledLine {
        switch line {
        case .heading(let entry, let count):
            return [Span(CleanText("\(entry.server) (\(count))").ellipsized(to: width, glyphs: glyphs), CellStyle(bold: true, underline: true))]
        case .job(let entry):
            let (word, style) = outcome(entry, review: review, state: state, glyphs: glyphs)
            let id = CleanText("  \(state.shortId(entry.key.id))  ")
            let nameWidth = max(4, width * 2 / 5 - id.width)
            let head = id + CleanText(entry.name).ellipsized(to: nameWidth, glyphs: glyphs).padded(to: nameWidth)
            return [Span(head), Span(CleanText("  " + word).ellipsized(to: max(4, width - head.width), glyphs: glyphs), style)]
        }
    }

    /// What happens or happened to a job: its window while asking, its result after `y`.
    static func outcome(_ entry: BulkResubmit.Entry, review: BulkResubmit, state: DashboardState, glyphs: Glyphs) -> (String, CellStyle) {
        switch entry.outcome {
        case .toSend:
            switch entry.preview {
            case .failed(let failure): return ("skipped: configuration not read: \(OneLine.safe(FailureText.describe(failure)))", CellStyle(.muted))
            case .window(nil): return ("sent as it was (no time window)", CellStyle.plain)
            case .window(let window?):
                let format = state.options.timeFormat
                return ("\(format.short(window.start)) \(glyphs.arrow) \(format.short(window.end))", review.shifted ? CellStyle(.warning) : CellStyle.plain)
            case .loading: return ("configuration loading\(glyphs.ellipsis)", CellStyle(.muted))
            }
        case .skipped(.readOnly): return ("left out: read-only context", CellStyle(.muted))
        case .skipped(.noConfiguration(let failure)):
            return ("skipped: configuration not read" + (failure.map { ": " + OneLine.safe(FailureText.describe($0)) } ?? ""), CellStyle(.muted))
        case .queued: return ("in line", CellStyle(.muted))
        case .sending: return ("sent, waiting for the server", CellStyle(.pending))
        case .sent(let job): return ("sent: new job \(OneLine.safe(job.id))", CellStyle(.finished))
        case .refused(let failure): return ("refused: \(OneLine.safe(FailureText.describe(failure)))", CellStyle(.error))
        }
    }
}
