import DisplayText

/// The footer: the keys that work right now, from the binding table. Most important first; what
/// does not fit on a narrow screen is left out from the end, while the tail ("? help",
/// "q quit") always stays. A key that is off for the run is left out; one that cannot act for
/// the selected job is shown dimmed (pressing it says why). The marked jobs' count comes first.
enum FooterView {
    struct Item: Equatable {
        /// Each key shown, with the key a click on it presses (nil for "type").
        struct Part: Equatable {
            var name: String
            var key: Key?
        }

        var parts: [Part]
        var label: String
        var dimmed = false

        /// "j/k", as drawn.
        var keys: String { parts.map(\.name).joined(separator: "/") }
    }

    static func items(_ state: DashboardState, in shownContext: KeyContext? = nil, keys: [Key]? = nil) -> (main: [Item], tail: [Item]) {
        let context = shownContext ?? state.keyContext
        var shown: [(footer: FooterLabel, item: Item)] = []
        for binding in state.bindingTable where binding.contexts.contains(context) && keys?.contains(where: { binding.answers($0, in: context) }) ?? true {
            guard let footer = binding.footer, footer.only?.contains(context) ?? true else { continue }
            let unavailable = binding.unavailable(state)
            if let unavailable, unavailable.scope != .notNow { continue }
            let parts = binding.keys.prefix(footer.keysShown).map { pattern -> Item.Part in
                if case .key(let key) = pattern { Item.Part(name: pattern.footerName, key: key) } else { Item.Part(name: pattern.footerName) }
            }
            shown.append((footer, Item(parts: Array(parts), label: footer.label, dimmed: unavailable != nil)))
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
            items[items.count - 1].parts += item.parts
            items[items.count - 1].dimmed = last.dimmed && item.dimmed
        } else {
            items.append(item)
        }
    }

    /// An item and the column it starts at.
    struct Placed: Equatable {
        var col: Int
        var item: Item
    }

    /// Where everything goes on a footer `width` cells wide: the marked count (if any) at column 0
    /// and the items that fit. The one source for drawing the footer and for a click on it.
    static func layout(_ state: DashboardState, width: Int) -> (marked: String?, items: [Placed]) {
        let (main, tail) = items(state)
        let tailWidth = tail.reduce(0) { $0 + itemWidth($1) }
        var col = 0
        var marked: String?
        if !state.marks.isEmpty {
            marked = "\(state.marks.count) marked  "
            col += min(DisplayWidth.of(marked ?? ""), max(0, width - tailWidth))
        }
        var placed: [Placed] = []
        for item in main {
            guard col + itemWidth(item) <= width - tailWidth else { break }
            placed.append(Placed(col: col, item: item))
            col += itemWidth(item)
        }
        col = max(col, width - tailWidth)
        for item in tail {
            placed.append(Placed(col: col, item: item))
            col += itemWidth(item)
        }
        return (marked, placed)
    }

    /// The key a click at `col` of the footer presses: the key under it, or the item's first key
    /// for a click on its label; nil between items.
    static func key(at col: Int, _ state: DashboardState, width: Int) -> Key? {
        guard let placed = layout(state, width: width).items.last(where: { $0.col <= col }),
              col < placed.col + itemWidth(placed.item) else { return nil }
        var start = placed.col
        for part in placed.item.parts {
            if col < start + DisplayWidth.of(part.name), let key = part.key { return key }
            start += DisplayWidth.of(part.name) + 1
        }
        return placed.item.parts.lazy.compactMap(\.key).first
    }

    /// Draws on `canvas`, the footer's row.
    static func draw(_ state: DashboardState, on canvas: Canvas) {
        let (marked, placed) = layout(state, width: canvas.width)
        let firstItem = placed.first?.col ?? canvas.width
        if let marked { canvas.put([Span(marked, CellStyle(.mark, bold: true))], row: 0, col: 0, width: firstItem) }
        for entry in placed { drawItem(entry.item, canvas: canvas, col: entry.col) }
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

    private static func drawItem(_ item: Item, canvas: Canvas, col: Int) {
        let keyStyle = item.dimmed ? CellStyle(.muted) : CellStyle(.key)
        let labelStyle = item.dimmed ? CellStyle(.muted) : CellStyle.plain
        canvas.put([Span(item.keys, keyStyle), Span(" " + item.label + "  ", labelStyle)], row: 0, col: col, width: itemWidth(item))
    }
}
