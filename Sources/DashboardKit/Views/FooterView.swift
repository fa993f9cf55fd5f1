/// The footer: the keys that work right now. "? help" and "q quit" always fit when they apply.
enum FooterView {
    typealias Item = (key: String, label: String)

    static func items(_ state: DashboardState) -> (main: [Item], tail: [Item]) {
        let quit: [Item] = [("?", "help"), ("q", "quit")]
        if state.layout.mode == .tooSmall { return ([], [("q", "quit")]) }
        if state.showingHelp {
            let scrolls = HelpView.lineCount(readOnly: state.options.readOnly) > HelpView.visibleLines(screenHeight: state.height)
            return ([("?/Esc", "close help")] + (scrolls ? [("j/k", "scroll")] : []), [("Ctrl-C", "quit")])
        }
        if state.dialog != nil {
            return ([("y", "yes, cancel it"), ("n/Esc", "no"), ("Left/Right", "choose"), ("Enter", "confirm")], [])
        }
        if state.filter.editing {
            return ([("type", "filter by name, id, user"), ("Enter", "keep"), ("Esc", "clear"), ("Backspace", "delete")], [("Ctrl-C", "quit")])
        }
        let cancel: [Item] = state.options.readOnly ? [] : [("c", "cancel")]
        // Most important first: what does not fit on a narrow screen is dropped from the end.
        if state.focus == .detail {
            return ([("j/k", "scroll"), ("Esc", "list")] + cancel
                    + [("r", "refresh"), ("PgUp/PgDn", "page"), ("g/G", "top/bottom")], quit)
        }
        var main: [Item] = [("j/k", "move")]
        if state.filter.isActive { main.append(("Esc", "clear filter")) }
        main += cancel + [("r", "refresh"), ("/", "filter"), ("s", "sort"), ("Enter", "detail"),
                          ("PgUp/PgDn", "page"), ("g/G", "first/last")]
        return (main, quit)
    }

    static func draw(_ state: DashboardState, on canvas: Canvas, layout: Layout) {
        let width = canvas.surface.width
        // A status message too long for one row continues here until the next key.
        guard StatusLineView.fullRows(state, width: width, glyphs: canvas.glyphs).count < 2 else { return }
        let (main, tail) = items(state)
        let tailWidth = tail.reduce(0) { $0 + itemWidth($1) }
        var col = 0
        for item in main {
            guard col + itemWidth(item) <= width - tailWidth else { break }
            col += drawItem(item, canvas: canvas, row: layout.footerRow, col: col)
        }
        col = max(col, width - tailWidth)
        for item in tail { col += drawItem(item, canvas: canvas, row: layout.footerRow, col: col) }
    }

    private static func itemWidth(_ item: Item) -> Int { item.key.count + item.label.count + 3 }

    private static func drawItem(_ item: Item, canvas: Canvas, row: Int, col: Int) -> Int {
        canvas.put([Span(item.key, CellStyle(color: .cyan, bold: true)), Span(" " + item.label + "  ")],
                   row: row, col: col, width: itemWidth(item))
    }
}
