/// Word wrapping by display width, in one pass over the text.
public enum TextWrap {
    /// `text` broken into lines of at most `width` cells (at least 1), at spaces where it can and
    /// inside words longer than a line. Runs of spaces collapse; there is always at least one line.
    ///
    /// Stops after `maxLines` lines: a view never shows more than fit on the screen, so a
    /// megabyte-long server string costs only the lines asked for. A character wider than the
    /// whole width gets a line of its own.
    public static func lines(_ text: String, width: Int, maxLines: Int = .max) -> [String] {
        let width = max(1, width)
        let maxLines = max(1, maxLines)
        var lines: [String] = []
        var line = "", lineWidth = 0
        var word = "", wordWidth = 0

        func emit(_ text: String) { lines.append(text) }
        /// Puts the finished word on the line, or on a fresh line when it does not fit.
        func placeWord() {
            guard !word.isEmpty else { return }
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
            } else {
                if lineWidth > 0 { emit(line) }
                line = word
                lineWidth = wordWidth
            }
            word = ""
            wordWidth = 0
        }

        for character in text {
            if lines.count >= maxLines { break }
            if character == " " {
                placeWord()
                continue
            }
            let cells = DisplayWidth.of(character)
            if !word.isEmpty, wordWidth + cells > width {
                // A word longer than a line: it starts on a line of its own, which it fills.
                if lineWidth > 0 {
                    emit(line)
                    line = ""
                    lineWidth = 0
                }
                if lines.count >= maxLines { break }
                emit(word)
                word = ""
                wordWidth = 0
            }
            word.append(character)
            wordWidth += cells
        }
        if lines.count < maxLines {
            placeWord()
            if lines.count < maxLines, lineWidth > 0 || lines.isEmpty { emit(line) }
        }
        return lines
    }
}
