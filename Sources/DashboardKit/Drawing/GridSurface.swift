import DisplayText

/// An in-memory surface: a grid of cells, for tests and snapshots.
///
/// A wide character occupies its cell and the next one (a continuation cell that shows nothing).
public final class GridSurface: Surface {
    public let width: Int
    public let height: Int

    private struct Cell {
        /// The character drawn here; empty for the second half of a wide character.
        var text: String
        var style: CellStyle
        static let blank = Cell(text: " ", style: .plain)
    }

    private var cells: [[Cell]]

    /// Writes that ran past the right edge (or outside the grid) and were cut here, as
    /// "row,col: text". Views clip to their space through `Canvas`, so tests expect none.
    public private(set) var clippedWrites: [String] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Array(repeating: .blank, count: max(0, width)), count: max(0, height))
    }

    public func clear() {
        for row in cells.indices {
            for col in cells[row].indices { cells[row][col] = .blank }
        }
    }

    public func put(_ text: String, row: Int, col: Int, style: CellStyle) {
        guard row >= 0, row < height, col >= 0 else {
            clippedWrites.append("\(row),\(col): \(text)")
            return
        }
        var x = col
        for character in text {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if x + w > width {
                clippedWrites.append("\(row),\(col): \(text)")
                break
            }
            unlinkWide(row: row, col: x)
            if w == 2 { unlinkWide(row: row, col: x + 1) }
            cells[row][x] = Cell(text: String(character), style: style)
            if w == 2 { cells[row][x + 1] = Cell(text: "", style: style) }
            x += w
        }
    }

    /// Every row as text, trailing spaces trimmed.
    public var lines: [String] {
        cells.map { row in
            var line = row.map(\.text).joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// All rows joined with newlines.
    public var text: String { lines.joined(separator: "\n") }

    /// The style of one cell (`.plain` outside the grid).
    public func style(atRow row: Int, col: Int) -> CellStyle {
        guard row >= 0, row < height, col >= 0, col < width else { return .plain }
        return cells[row][col].style
    }

    /// Overwriting half of a wide character blanks the other half, as a terminal does.
    private func unlinkWide(row: Int, col: Int) {
        guard col < width else { return }
        if cells[row][col].text.isEmpty, col > 0 {
            cells[row][col - 1] = .blank
        } else if col + 1 < width, cells[row][col + 1].text.isEmpty {
            cells[row][col + 1] = .blank
        }
    }
}
