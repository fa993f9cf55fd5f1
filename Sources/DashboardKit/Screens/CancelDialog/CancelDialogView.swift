/// The cancel confirmation: the job's name and id, No and Yes, No selected when it opens.
enum CancelDialogView {
    static func draw(_ dialog: CancelDialog, state: DashboardState, on canvas: Canvas) {
        let width = min(60, canvas.width - 8)
        var lines: [StyledLine] = [[]]
        if let ended = dialog.endedAs {
            lines.append([Span(CleanText(dialog.jobName).ellipsized(to: width, glyphs: canvas.glyphs), CellStyle(bold: true))])
            for line in CleanText("Job \(dialog.jobId.id) \(ended.word) meanwhile; nothing to cancel.").wrapped(to: width) {
                lines.append([Span(line)])
            }
            lines += [[], [Span(String(repeating: " ", count: max(0, (width - 9) / 2))), Span("[ Close ]", CellStyle(bold: true, reverse: true))],
                      [], FooterView.hintLine(state, in: .cancelDialogEnded)]
            BoxView.draw(title: "Cancel job", lines: lines, minWidth: width, on: canvas)
            return
        }
        for text in question(dialog, width: width, glyphs: canvas.glyphs) {
            lines.append([Span(text, CellStyle(bold: true))])
        }
        lines.append([Span("The server stops the extraction; this cannot be undone.", CellStyle(.muted))])
        lines.append([])
        let chosen = CellStyle(bold: true, reverse: true)
        let no = dialog.yesSelected ? Span("  No  ") : Span("[ No ]", chosen)
        let yes = dialog.yesSelected ? Span("[ Yes ]", CellStyle(.error, reverse: true)) : Span("  Yes  ")
        let buttonsWidth = 6 + 6 + 7
        lines.append([Span(String(repeating: " ", count: max(0, (width - buttonsWidth) / 2))), no, Span("      "), yes])
        lines.append([])
        lines.append(FooterView.hintLine(state, in: .cancelDialog))
        BoxView.draw(title: "Cancel job", lines: lines, minWidth: width, on: canvas)
    }

    /// Lines the question may take.
    static let questionLines = 4

    /// "Cancel job <name> (<id>)?" wrapped to `width`, in at most `questionLines` lines: a name
    /// too long for them is shortened with an ellipsis, so the job id always shows.
    static func question(_ dialog: CancelDialog, width: Int, glyphs: Glyphs) -> [CleanText] {
        let id = CleanText("(\(dialog.jobId.id))?").ellipsized(to: width, glyphs: glyphs)
        let whole = CleanText("Cancel job \(dialog.jobName) \(id.value)").wrapped(to: width)
        guard whole.count > questionLines else { return whole }
        var lines = Array(CleanText("Cancel job \(dialog.jobName)").wrapped(to: width).prefix(questionLines))
        let mark = CleanText(glyphs.ellipsis)
        // The last line keeps room for the ellipsis and, after a space, the id; an id too long for
        // that gets a line of its own.
        let room = width - mark.width - 1 - id.width
        if room >= 1 {
            lines[lines.count - 1] = lines[lines.count - 1].clipped(to: room) + mark + CleanText(" ") + id
        } else {
            lines = Array(lines.prefix(questionLines - 1))
            lines[lines.count - 1] = lines[lines.count - 1].clipped(to: width - mark.width) + mark
            lines.append(id)
        }
        return lines
    }
}
