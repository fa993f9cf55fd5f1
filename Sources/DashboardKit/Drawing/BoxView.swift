import DisplayText

/// A bordered box drawn over whatever is below it, used by the dialog and the help overlay.
enum BoxView {
    /// A box of `lines` centred on the screen, at most the screen's size minus a margin; lines that
    /// do not fit are left out, and a line cut at the box's edge ends in the ellipsis. Returns the inner
    /// rectangle.
    @discardableResult
    static func draw(title: String, lines: [StyledLine], minWidth: Int, on canvas: Canvas) -> Rect {
        let screenWidth = canvas.width
        let screenHeight = canvas.height
        let widest = lines.map { DisplayWidth.of($0.map(\.text).joined()) }.max() ?? 0
        let inner = min(screenWidth - 4, max(minWidth, widest, DisplayWidth.of(title) + 4))
        let height = min(screenHeight - 2, lines.count + 2)
        let top = max(0, (screenHeight - height) / 2)
        let left = max(0, (screenWidth - inner - 4) / 2)
        let g = canvas.glyphs
        let border = CellStyle(bold: true)
        let titleText = g.horizontal + " " + title + " "
        let topLine = g.topLeft + titleText + String(repeating: g.horizontal, count: max(0, inner + 2 - DisplayWidth.of(titleText))) + g.topRight
        canvas.put(topLine, row: top, col: left, width: inner + 4, style: border)
        for row in (top + 1)..<(top + height - 1) {
            canvas.put(g.vertical, row: row, col: left, width: 1, style: border)
            canvas.fill(row: row, col: left + 1, width: inner + 2, style: .plain)
            canvas.put(g.vertical, row: row, col: left + inner + 3, width: 1, style: border)
        }
        let bottomLine = g.bottomLeft + String(repeating: g.horizontal, count: inner + 2) + g.bottomRight
        canvas.put(bottomLine, row: top + height - 1, col: left, width: inner + 4, style: border)
        let body = Rect(row: top + 1, col: left + 2, width: inner, height: height - 2)
        for (offset, line) in lines.prefix(body.height).enumerated() {
            canvas.putCut(line, row: body.row + offset, col: body.col, width: body.width)
        }
        return body
    }
}
