/// The column chooser: one line per column, `[x]` when shown, its width, what it shows, and the
/// sort mark on the sorted one; the cursor's line reversed.
enum ColumnChooserView {
    static func draw(_ chooser: ColumnChooser, state: DashboardState, on canvas: Canvas) {
        let width = min(76, canvas.width - 8)
        var lines: [StyledLine] = [[Span("Sorted by \(state.sort.label).", CellStyle(.muted))], []]
        for column in ColumnChooser.rows(state.columns) {
            let shown = state.columns.shown.contains(column)
            let size = state.columns.width(column).map(String.init) ?? (column == .name ? "rest" : "auto")
            var mark = ""
            if column == state.sort.column { mark = state.sort.reversed ? canvas.glyphs.reversedSortMarker : canvas.glyphs.sortMarker }
            let text = "\(shown ? "[x]" : "[ ]") \(column.title.padding(toLength: 14, withPad: " ", startingAt: 0))"
                + "\(size.padding(toLength: 5, withPad: " ", startingAt: 0)) \(mark.isEmpty ? " " : mark) \(column.meaning)"
            let style = column == chooser.selected ? CellStyle(bold: true, reverse: true) : CellStyle(dim: !shown)
            lines.append([Span(CleanText(text).ellipsized(to: width, glyphs: canvas.glyphs), style)])
        }
        lines += [[], FooterView.hintLine(state, in: .columnChooser)]
        BoxView.draw(title: "Columns: choose, order, size, sort", lines: lines, minWidth: width, on: canvas)
    }
}
