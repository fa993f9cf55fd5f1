/// The copy menu: each item with the start of what it copies; or the box with the text to select.
enum CopyMenuView {
    static func draw(_ menu: CopyMenu, state: DashboardState, on canvas: Canvas) {
        let width = boxWidth(canvas.width)
        if let shown = menu.shown {
            var lines: [StyledLine] = reason(shown, width: width).map { [Span($0, CellStyle(.muted))] } + [[]]
            // The text alone on its lines, nothing beside it, so a mouse selection takes only it.
            let text = textLines(shown, width: width)
            let room = textRoom(reasonLines: lines.count, height: canvas.height)
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

    static func boxWidth(_ screenWidth: Int) -> Int { min(90, screenWidth - 8) }
    static func reason(_ shown: CopyMenu.Shown, width: Int) -> [CleanText] { CleanText(shown.reason).wrapped(to: width) }
    static func textLines(_ shown: CopyMenu.Shown, width: Int) -> [CleanText] {
        shown.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { CleanText(String($0)).wrapped(to: width) }
    }
    /// The box keeps the reason, a blank line and the keys; the text gets the rest.
    static func textRoom(reasonLines: Int, height: Int) -> Int { max(1, height - 4 - reasonLines - 2) }

    /// The first line of the shown text when it ends at the bottom of the box on `state`'s screen.
    static func lastScroll(_ shown: CopyMenu.Shown, state: DashboardState) -> Int {
        let width = boxWidth(state.width)
        return max(0, textLines(shown, width: width).count - textRoom(reasonLines: reason(shown, width: width).count + 1, height: state.height))
    }
}
