/// The copy menu: each item with the start of what it copies; or the box with the text to select.
enum CopyMenuView {
    static func draw(_ menu: CopyMenu, state: DashboardState, on canvas: Canvas) {
        let width = boxWidth(canvas.width)
        if let shown = menu.shown {
            let text = textLayout(shown, width: canvas.width, height: canvas.height)
            var lines: [StyledLine] = text.reason.map { [Span($0, CellStyle(.muted))] } + [[]]
            // The text alone on its lines, nothing beside it, so a mouse selection takes only it.
            let top = ScrollCap.top(menu.scroll, count: text.lines.count, room: text.room)
            lines += text.lines.dropFirst(top).prefix(text.room).map { [Span($0)] }
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

    static func boxWidth(_ screenWidth: Int) -> Int { min(90, screenWidth - 8) }
    /// The box's reason and text lines on a `width` x `height` screen, and the room the text gets:
    /// the box keeps the reason, a blank line and the keys (what the view draws and `j` stops at).
    static func textLayout(_ shown: CopyMenu.Shown, width screenWidth: Int, height: Int) -> (reason: [CleanText], lines: [CleanText], room: Int) {
        let width = boxWidth(screenWidth)
        let reason = CleanText(shown.reason).wrapped(to: width)
        let lines = shown.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { CleanText(String($0)).wrapped(to: width) }
        return (reason, lines, max(1, height - 4 - (reason.count + 1) - 2))
    }
}
