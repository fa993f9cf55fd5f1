import DisplayText

/// The status line: the filter prompt while typing, else the last message, else the active filter;
/// on the right, how much of the list is loaded.
enum StatusLineView {
    static func draw(_ state: DashboardState, on canvas: Canvas, layout: Layout) {
        let width = canvas.surface.width
        let row = layout.statusRow
        let glyphs = canvas.glyphs
        var right = "\(state.visibleIds.count)/\(state.loadOrder.count) jobs"
        if state.olderPageInFlight != nil {
            right += ", loading older\(glyphs.ellipsis)"
        } else if state.reachedOldest {
            right += ", all loaded"
        }
        let rightWidth = min(DisplayWidth.of(right), width / 2)
        canvas.put(right, row: row, col: width - rightWidth, width: rightWidth, style: CellStyle(dim: true))
        let leftWidth = width - rightWidth - 1

        let left: StyledLine
        if state.filter.editing {
            left = [Span("Filter: ", CellStyle(bold: true)), Span(state.filter.text), Span("_", CellStyle(reverse: true))]
        } else if let message = state.statusMessage {
            let style = message.kind == .error ? CellStyle(color: .red, bold: true) : CellStyle(bold: true)
            left = [Span(message.text, style)]
        } else if state.filter.isActive {
            left = [Span("Filter: "), Span(state.filter.text, CellStyle(bold: true)), Span("  (Esc clears)", CellStyle(dim: true))]
        } else {
            left = []
        }
        canvas.put(left, row: row, col: 0, width: leftWidth)
    }
}
