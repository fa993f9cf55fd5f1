import DisplayText

/// The bulk cancel dialog: the question with what will be skipped, the jobs by server and state,
/// No and Yes; after `y`, the same jobs each with its result.
enum BulkCancelView {
    static func draw(_ dialog: BulkCancel, state: DashboardState, on canvas: Canvas) {
        let width = boxWidth(canvas.width)
        var lines = question(dialog, width: width)
        lines += MarkedJobListView.lines(dialog.list, room: listRoom(question: lines.count, height: canvas.height)) {
            line(of: $0, state: state, width: width, glyphs: canvas.glyphs)
        }
        lines.append([])
        if dialog.confirmed {
            lines.append(FooterView.hintLine(state, in: .bulkCancelResults))
            BoxView.draw(title: "Bulk cancel: results", lines: lines, minWidth: width, on: canvas)
            return
        }
        let chosen = CellStyle(bold: true, reverse: true)
        let no = dialog.yesSelected ? Span("  No  ") : Span("[ No ]", chosen)
        let yes = dialog.yesSelected ? Span("[ Yes ]", CellStyle(.error, reverse: true)) : Span("  Yes  ")
        lines.append([Span(String(repeating: " ", count: max(0, (width - 19) / 2))), no, Span("      "), yes])
        lines.append([])
        lines.append(FooterView.hintLine(state, in: .bulkCancel))
        BoxView.draw(title: "Cancel marked jobs", lines: lines, minWidth: width, on: canvas)
    }

    static func boxWidth(_ screenWidth: Int) -> Int { min(76, screenWidth - 8) }

    /// The summary, wrapped, between blank lines.
    static func question(_ dialog: BulkCancel, width: Int) -> [StyledLine] {
        [[]] + summary(dialog).flatMap { CleanText($0).wrapped(to: width).map { [Span($0, CellStyle(bold: true))] } } + [[]]
    }

    /// The box keeps the question, the buttons and the keys; the jobs get the rest.
    static func listRoom(question: Int, height: Int) -> Int { max(1, height - 2 - question - 6) }

    static func listRoom(_ dialog: BulkCancel, width: Int, height: Int) -> Int {
        listRoom(question: question(dialog, width: boxWidth(width)).count, height: height)
    }

    /// "Cancel 12 jobs on 2 servers? 3 already ended and will be skipped." and what is left out;
    /// after `y`, how many of each result.
    static func summary(_ dialog: BulkCancel) -> [String] {
        let readOnly = dialog.count { $0 == .readOnly }
        let ended = dialog.count { if case .ended = $0 { true } else { false } }
        let other = dialog.count { $0 == .pending } + dialog.count { if case .notCancelable = $0 { true } else { false } }
        if dialog.confirmed {
            let sent = dialog.entries.count { $0.outcome == .sent }
            let refused = dialog.entries.count { if case .refused = $0.outcome { true } else { false } }
            let waiting = dialog.entries.count { $0.outcome == .waiting }
            return ["\(sent) sent, \(refused) refused, \(waiting) waiting for an answer, \(ended + readOnly + other) skipped."]
        }
        let jobs = dialog.toSend.count
        var text = jobs == 0 ? "No marked job can be canceled." :
            "Cancel \(MarkedJobListView.plural(jobs, "job")) on \(MarkedJobListView.plural(dialog.serverCount, "server"))?"
        if ended > 0 { text += " \(ended) already ended and will be skipped." }
        if other > 0 { text += " \(other) cannot be canceled now and will be skipped." }
        var lines = [text]
        if readOnly > 0 { lines.append("\(MarkedJobListView.plural(readOnly, "job")) on read-only contexts left out.") }
        return lines
    }

    /// A line of the jobs: a heading per server and state, "prod · started (3)", then
    /// "  1043  nightly  sent". Ids as the list shows them (the shortest distinct prefix), so the
    /// names keep their room.
    static func line(of line: MarkedJobList<BulkCancel.Entry>.Line, state: DashboardState, width: Int, glyphs: Glyphs) -> StyledLine {
        switch line {
        case .heading(let entry, let count):
            return [Span(CleanText("\(entry.server) \(glyphs.separator) \(entry.stateWord) (\(count))").ellipsized(to: width, glyphs: glyphs),
                         CellStyle(bold: true, underline: true))]
        case .job(let entry):
            let (word, style) = outcome(entry.outcome)
            let id = CleanText("  \(state.shortId(entry.key.id))  ")
            let nameWidth = max(4, width / 2 - id.width)
            let head = id + CleanText(entry.name).ellipsized(to: nameWidth, glyphs: glyphs).padded(to: nameWidth)
            let rest = CleanText("  " + word).ellipsized(to: max(4, width - head.width), glyphs: glyphs)
            return [Span(head), Span(rest, style)]
        }
    }

    /// A result in words, the server's own cleaned by `CleanText` (on one line).
    static func outcome(_ outcome: BulkCancel.Outcome) -> (String, CellStyle) {
        switch outcome {
        case .toSend: ("will be sent", CellStyle.plain)
        case .waiting: ("sent, waiting for the server", CellStyle(.pending))
        case .sent: ("sent: the server accepted", CellStyle(.finished))
        case .refused(let failure): ("refused: \(OneLine.safe(FailureText.describe(failure)))", CellStyle(.error))
        case .skipped(.readOnly): ("skipped: read-only context", CellStyle(.muted))
        case .skipped(.ended(let state)): ("already \(state?.word ?? "ended"): skipped", CellStyle(.muted))
        case .skipped(.pending): ("skipped: a cancel is already on its way", CellStyle(.muted))
        case .skipped(.notCancelable(let state)): ("skipped: \(state.word) cannot be canceled", CellStyle(.muted))
        }
    }
}
