import DisplayText

/// Left-aligned columns padded by display width (CJK counts double), separated by two spaces.
/// Cells must already be terminal-safe.
struct TextTable {
    let headers: [String]
    private(set) var rows: [[String]] = []

    init(headers: [String]) { self.headers = headers }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The width of each column: its widest cell, header included.
    func widths() -> [Int] {
        var widths = [Int](repeating: 0, count: headers.count)
        for row in [headers] + rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], DisplayWidth.of(cell))
            }
        }
        return widths
    }

    /// The lines of the table, header first, columns padded to `widths` (default: `widths()`; a
    /// wider cell pushes the rest of its row right); trailing spaces are trimmed from each line.
    func lines(widths given: [Int]? = nil) -> [String] {
        let widths = given ?? widths()
        return ([headers] + rows).map { row in
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                line += i == widths.count - 1 ? cell : DisplayWidth.pad(cell, to: widths[i]) + "  "
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

/// Server text prepared for a terminal cell: sanitised, then clipped to `width` cells with `…`.
enum Cell {
    static func clean(_ text: String, width: Int) -> String {
        let safe = TerminalSafe.clean(text)
        guard DisplayWidth.of(safe) > width else { return safe }
        return DisplayWidth.clip(safe, to: width - 1) + "…"
    }
}
