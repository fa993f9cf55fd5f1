/// A row of one-cell marks built left to right, neighbours of one style joined into one span, so
/// that a chart row is a few writes rather than one per cell.
struct CellRow {
    private(set) var line: StyledLine = []

    mutating func append(_ text: String, _ style: CellStyle) {
        if let last = line.last, last.style == style {
            line[line.count - 1] = Span(last.text + text, style)
        } else {
            line.append(Span(text, style))
        }
    }
}
