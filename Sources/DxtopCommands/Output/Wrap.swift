import DisplayText

/// Comma-separated lists wrapped under a label.
enum Wrap {
    static func list(_ items: [String], label: String, width: Int) -> [String] {
        guard !items.isEmpty else { return [label + "-"] }
        let indent = String(repeating: " ", count: DisplayWidth.of(label))
        var lines: [String] = []
        var current = label
        var currentHasItem = false
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? "," : "")
            if currentHasItem, DisplayWidth.of(current) + 1 + DisplayWidth.of(piece) > width {
                lines.append(current)
                current = indent + piece
            } else {
                current += (currentHasItem ? " " : "") + piece
            }
            currentHasItem = true
        }
        lines.append(current)
        return lines
    }
}
