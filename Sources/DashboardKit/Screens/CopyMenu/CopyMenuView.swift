/// The copy menu: each item with the start of what it copies; or the box with the text to select.
enum CopyMenuView {
    static func draw(_ menu: CopyMenu, state: DashboardState, on canvas: Canvas) {
        let width = min(90, canvas.width - 8)
        if let shown = menu.shown {
            var lines: [StyledLine] = CleanText(shown.reason).wrapped(to: width).map { [Span($0, CellStyle(.muted))] } + [[]]
            // The text alone on its lines, nothing beside it, so a mouse selection takes only it.
            let text = shown.text.split(separator: "\n", omittingEmptySubsequences: false)
                .flatMap { CleanText(String($0)).wrapped(to: width) }
            let room = max(1, canvas.height - 4 - lines.count - 2)
            lines += text.dropFirst(min(menu.scroll, max(0, text.count - room))).prefix(room).map { [Span($0)] }
            lines += [[], FooterView.hintLine(state, in: .copyBox)]
            BoxView.draw(title: "Copy \(shown.item.label): select by hand", lines: lines, minWidth: width, on: canvas)
            return
        }
        var lines: [StyledLine] = [[]]
        for (index, item) in CopyMenu.Item.allCases.enumerated() {
            let preview = state.copyText(item, of: menu.job).map { CleanText(String($0.prefix { $0 != "\n" })) }
            let head = "\(index + 1)  \(item.label)".padding(toLength: 34, withPad: " ", startingAt: 0)
            let style = index == menu.selected ? CellStyle(bold: true, reverse: true) : CellStyle.plain
            let rest = preview.map { $0.ellipsized(to: max(4, width - 34), glyphs: canvas.glyphs) } ?? CleanText("(none)")
            lines.append([Span(head, style), Span(rest, preview == nil ? CellStyle(.muted) : style)])
        }
        lines += [[], FooterView.hintLine(state, in: .copyMenu)]
        BoxView.draw(title: "Copy from job \(menu.job.id)", lines: lines, minWidth: width, on: canvas)
    }
}
