import DisplayText

/// Word wrapping by display width.
enum TextWrap {
    /// Sanitises `text` and breaks it into lines of at most `width` cells, at spaces where it can
    /// and inside words longer than a line. Always at least one line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        var used = 0
        for word in TerminalSafe.clean(text).split(separator: " ", omittingEmptySubsequences: true) {
            var rest = String(word)
            var size = DisplayWidth.of(rest)
            if used > 0, used + 1 + size <= width {
                current += " " + rest
                used += 1 + size
                continue
            }
            if used > 0 {
                lines.append(current)
                current = ""
                used = 0
            }
            while size > width {
                let head = DisplayWidth.clip(rest, to: width)
                let taken = head.isEmpty ? String(rest.prefix(1)) : head
                lines.append(taken)
                rest = String(rest.dropFirst(taken.count))
                size = DisplayWidth.of(rest)
            }
            current = rest
            used = size
        }
        if used > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }
}
