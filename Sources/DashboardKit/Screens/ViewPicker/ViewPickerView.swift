/// The saved views: number, name, and what each sets; the current one marked, the selected reversed.
enum ViewPickerView {
    static func draw(_ picker: ViewPicker, state: DashboardState, on canvas: Canvas) {
        let width = min(90, canvas.width - 8)
        var lines: [StyledLine] = [[]]
        for (position, view) in state.options.views.enumerated() {
            let current = position == state.currentView ? canvas.glyphs.current : " "
            let head = "\(current) \(position + 1)  \(view.name)"
            let text = CleanText(head).padded(to: 24) + CleanText(view.summary)
            let style = position == picker.selected ? CellStyle(bold: true, reverse: true) : CellStyle.plain
            lines.append([Span(text.ellipsized(to: width, glyphs: canvas.glyphs), style)])
        }
        lines += [[], FooterView.hintLine(state, in: .viewPicker)]
        BoxView.draw(title: "Saved views", lines: lines, minWidth: width, on: canvas)
    }
}
