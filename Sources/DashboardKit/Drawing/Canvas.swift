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
///
/// A canvas owns an area of the surface (ratatui's `render(area, buf)`): rows and columns are
/// counted from its top-left corner, and nothing drawn can leave it; `area(_:)` hands a part of
/// it to a view. Styles go through the theme (roles become colours and attributes); colours are
/// dropped after that when the frame has none (`NO_COLOR` wins over any theme).
struct Canvas {
    private let surface: any Surface
    let glyphs: Glyphs
    let color: Bool
    let theme: Theme
    /// The cells this canvas may draw in, in surface coordinates.
    private let bounds: Rect

    init(surface: any Surface, options: RenderOptions, theme: Theme = .dark) {
        self.surface = surface
        glyphs = options.glyphs
        color = options.color
        self.theme = theme
        bounds = Rect(row: 0, col: 0, width: surface.width, height: surface.height)
    }

    private init(_ parent: Canvas, bounds: Rect) {
        surface = parent.surface
        glyphs = parent.glyphs
        color = parent.color
        theme = parent.theme
        self.bounds = bounds
    }

    var width: Int { bounds.width }
    var height: Int { bounds.height }

    /// The part `rect` (in this canvas's coordinates) of this canvas, cut to fit in it.
    func area(_ rect: Rect) -> Canvas {
        let top = max(0, rect.row), left = max(0, rect.col)
        let bottom = min(bounds.height, rect.row + max(0, rect.height))
        let right = min(bounds.width, rect.col + max(0, rect.width))
        return Canvas(self, bounds: Rect(row: bounds.row + top, col: bounds.col + left,
                                         width: max(0, right - left), height: max(0, bottom - top)))
    }

    /// Draws `text` at (row, col) in at most `width` cells. Returns the cells used.
    @discardableResult
    func put(_ text: String, row: Int, col: Int, width: Int, style: CellStyle = .plain) -> Int {
        put(CleanText(text), row: row, col: col, width: width, style: style)
    }

    /// Draws already-clean text at (row, col) in at most `width` cells. Returns the cells used.
    @discardableResult
    func put(_ text: CleanText, row: Int, col: Int, width: Int, style: CellStyle = .plain) -> Int {
        guard width > 0, row >= 0, row < bounds.height, col >= 0, col < bounds.width else { return 0 }
        let fitted = DisplayWidth.fit(text.value, in: min(width, bounds.width - col))
        guard !fitted.text.isEmpty else { return 0 }
        surface.put(fitted.text, row: bounds.row + row, col: bounds.col + col, style: shown(style))
        return fitted.width
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

    /// Like `put(_:row:col:width:)`, but a line that does not fit ends in the ellipsis, so that a
    /// cut text looks cut. Returns the cells used.
    @discardableResult
    func putCut(_ line: StyledLine, row: Int, col: Int, width: Int) -> Int {
        let cleaned = line.map { $0.cleaned ?? CleanText($0.text) }
        guard cleaned.reduce(0, { $0 + $1.width }) > width else { return put(line, row: row, col: col, width: width) }
        let mark = CleanText(glyphs.ellipsis)
        guard width > mark.width else { return put(line, row: row, col: col, width: width) }
        let used = put(line, row: row, col: col, width: width - mark.width)
        return used + put(mark, row: row, col: col + used, width: mark.width, style: line.last?.style ?? .plain)
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
        var shown = theme.resolve(style)
        if !color { shown.color = nil }
        return shown
    }
}
