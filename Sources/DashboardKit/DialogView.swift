/// The cancel confirmation: the job's name and id, No and Yes, No selected when it opens.
enum DialogView {
    static func draw(_ dialog: CancelDialog, on canvas: Canvas) {
        let width = min(60, canvas.surface.width - 8)
        var lines: [StyledLine] = [[]]
        for text in TextWrap.wrap("Cancel job \(dialog.jobName) (\(dialog.jobId))?", width: width).prefix(4) {
            lines.append([Span(text, CellStyle(bold: true))])
        }
        lines.append([Span("The server stops the extraction; this cannot be undone.", CellStyle(dim: true))])
        lines.append([])
        let chosen = CellStyle(bold: true, reverse: true)
        let no = dialog.yesSelected ? Span("  No  ") : Span("[ No ]", chosen)
        let yes = dialog.yesSelected ? Span("[ Yes ]", CellStyle(color: .red, bold: true, reverse: true)) : Span("  Yes  ")
        let buttonsWidth = 6 + 6 + 7
        lines.append([Span(String(repeating: " ", count: max(0, (width - buttonsWidth) / 2))), no, Span("      "), yes])
        lines.append([])
        lines.append([Span("y", CellStyle(bold: true)), Span(" yes   "), Span("n/Esc", CellStyle(bold: true)), Span(" no   "),
                      Span("Left/Right", CellStyle(bold: true)), Span(" choose   "), Span("Enter", CellStyle(bold: true)), Span(" confirm")])
        BoxView.draw(title: "Cancel job", lines: lines, minWidth: width, on: canvas)
    }
}
