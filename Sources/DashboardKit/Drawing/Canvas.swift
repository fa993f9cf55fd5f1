import DisplayText

/// A run of text in one style.
struct Span: Equatable {
    private(set) var text: String
    var style: CellStyle
    /// Set only from a `CleanText`, so `Canvas` need not clean it again.
    private(set) var cleaned: CleanText?

    init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    init(_ text: CleanText, _ style: CellStyle = .plain) {
        self.text = text.value
        self.style = style
        cleaned = text
    }
}

/// One line of styled spans.
typealias StyledLine = [Span]

/// The views' only way to draw, and the one place text is sanitised: every `String` goes through
/// `TerminalSafe.clean` here; a `CleanText` (which can only be made by cleaning) is drawn as is.
/// Everything is clipped to the space it was given, and colours are dropped when the frame has none.
struct Canvas {
    let surface: any Surface
    let glyphs: Glyphs
    let color: Bool

    init(surface: any Surface, options: RenderOptions) {
        self.surface = surface
        glyphs = options.glyphs
        color = options.color
    }

    /// Draws `text` at (row, col) in at most `width` cells. Returns the cells used.
    @discardableResult
    func put(_ text: String, row: Int, col: Int, width: Int, style: CellStyle = .plain) -> Int {
        put(CleanText(text), row: row, col: col, width: width, style: style)
    }

    /// Draws already-clean text at (row, col) in at most `width` cells. Returns the cells used.
    @discardableResult
    func put(_ text: CleanText, row: Int, col: Int, width: Int, style: CellStyle = .plain) -> Int {
        guard width > 0, row >= 0, row < surface.height, col < surface.width else { return 0 }
        let clipped = DisplayWidth.clip(text.value, to: min(width, surface.width - col))
        guard !clipped.isEmpty else { return 0 }
        surface.put(clipped, row: row, col: col, style: shown(style))
        return DisplayWidth.of(clipped)
    }

    /// Draws spans one after another from (row, col) within `width` cells. Returns the cells used.
    @discardableResult
    func put(_ line: StyledLine, row: Int, col: Int, width: Int) -> Int {
        var used = 0
        for span in line where used < width {
            let text = span.cleaned ?? CleanText(span.text)
            used += put(text, row: row, col: col + used, width: width - used, style: span.style)
        }
        return used
    }

    /// Fills `width` cells with spaces in `style` (for reverse-video bars).
    func fill(row: Int, col: Int, width: Int, style: CellStyle) {
        guard width > 0 else { return }
        put(String(repeating: " ", count: width), row: row, col: col, width: width, style: style)
    }

    /// A horizontal rule.
    func rule(row: Int, col: Int, width: Int, style: CellStyle = .plain) {
        guard width > 0 else { return }
        put(String(repeating: glyphs.horizontal, count: width), row: row, col: col, width: width, style: style)
    }

    private func shown(_ style: CellStyle) -> CellStyle {
        guard !color, style.color != nil else { return style }
        var plain = style
        plain.color = nil
        return plain
    }
}
