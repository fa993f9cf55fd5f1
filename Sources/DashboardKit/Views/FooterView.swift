/// The footer: the keys that work right now, from the binding table. Most important first; what
/// does not fit on a narrow screen is left out from the end, while the tail ("? help",
/// "q quit") always stays. A key that is off for the run is left out; one that cannot act for
/// the selected job is shown dimmed (pressing it says why). The marked jobs' count comes first.
enum FooterView {
    struct Item: Equatable {
        var keys: String
        var label: String
        var dimmed = false
    }

    static func items(_ state: DashboardState, in shownContext: KeyContext? = nil, keys: [Key]? = nil) -> (main: [Item], tail: [Item]) {
        let context = shownContext ?? state.keyContext
        var shown: [(footer: FooterLabel, item: Item)] = []
        for binding in state.bindingTable where binding.contexts.contains(context) && keys?.contains(where: { binding.answers($0, in: context) }) ?? true {
            guard let footer = binding.footer, footer.only?.contains(context) ?? true else { continue }
            let unavailable = binding.unavailable(state)
            if let unavailable, unavailable.scope != .notNow { continue }
            let keys = binding.keys.prefix(footer.keysShown).map(\.footerName).joined(separator: "/")
            shown.append((footer, Item(keys: keys, label: footer.label, dimmed: unavailable != nil)))
        }
        // Stable: bindings of one rank keep the table's order.
        let ordered = shown.enumerated().sorted { ($0.element.footer.rank, $0.offset) < ($1.element.footer.rank, $1.offset) }
        var main: [Item] = [], tail: [Item] = []
        for (_, entry) in ordered {
            if entry.footer.tail { merge(entry.item, into: &tail) } else { merge(entry.item, into: &main) }
        }
        return (main, tail)
    }

    /// Bindings with one label next to each other share an item: "j" and "k" make "j/k move".
    private static func merge(_ item: Item, into items: inout [Item]) {
        if let last = items.last, last.label == item.label {
            items[items.count - 1].keys += "/" + item.keys
            items[items.count - 1].dimmed = last.dimmed && item.dimmed
        } else {
            items.append(item)
        }
    }

    /// Draws on `canvas`, the footer's row.
    static func draw(_ state: DashboardState, on canvas: Canvas) {
        let width = canvas.width
        let (main, tail) = items(state)
        let tailWidth = tail.reduce(0) { $0 + itemWidth($1) }
        var col = 0
        if !state.marks.isEmpty {
            let count = "\(state.marks.count) marked  "
            col += canvas.put([Span(count, CellStyle(color: .yellow, bold: true))], row: 0, col: 0, width: max(0, width - tailWidth))
        }
        for item in main {
            guard col + itemWidth(item) <= width - tailWidth else { break }
            col += drawItem(item, canvas: canvas, col: col)
        }
        col = max(col, width - tailWidth)
        for item in tail { col += drawItem(item, canvas: canvas, col: col) }
    }

    /// A dialog's line of keys, from the same table: the keys that work in `context` (of `keys`,
    /// when given) with their footer labels (the tail's help and quit left out).
    static func hintLine(_ state: DashboardState, in context: KeyContext, keys: [Key]? = nil) -> StyledLine {
        var line: StyledLine = []
        for item in items(state, in: context, keys: keys).main where !item.dimmed {
            if !line.isEmpty { line.append(Span("  ")) }
            line += [Span(item.keys, CellStyle(bold: true)), Span(" " + item.label)]
        }
        return line
    }

    private static func itemWidth(_ item: Item) -> Int { item.keys.count + item.label.count + 3 }

    private static func drawItem(_ item: Item, canvas: Canvas, col: Int) -> Int {
        let keyStyle = item.dimmed ? CellStyle(dim: true) : CellStyle(color: .cyan, bold: true)
        let labelStyle = item.dimmed ? CellStyle(dim: true) : CellStyle.plain
        return canvas.put([Span(item.keys, keyStyle), Span(" " + item.label + "  ", labelStyle)],
                          row: 0, col: col, width: itemWidth(item))
    }
}
