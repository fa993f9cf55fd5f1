import DisplayText

/// Text that has been through `TerminalSafe.clean`: the only way to make one is to clean a string
/// (or to pad, clip or join clean text), so a view that measures widths cleans once and `Canvas`
/// can draw it without cleaning again.
struct CleanText: Equatable {
    let value: String

    init(_ raw: String) { value = TerminalSafe.clean(raw) }

    private init(trusted: String) { value = trusted }

    static let empty = CleanText(trusted: "")

    var width: Int { DisplayWidth.of(value) }

    /// Padded with spaces (or clipped) to exactly `width` cells.
    func padded(to width: Int) -> CleanText { CleanText(trusted: DisplayWidth.pad(value, to: width)) }

    /// The longest prefix that fits in `width` cells.
    func clipped(to width: Int) -> CleanText { CleanText(trusted: DisplayWidth.clip(value, to: max(0, width))) }

    /// At most `width` cells, ending in `glyphs.ellipsis` when something was cut.
    func ellipsized(to width: Int, glyphs: Glyphs) -> CleanText {
        guard self.width > width else { return self }
        let mark = DisplayWidth.of(glyphs.ellipsis)
        guard width > mark else { return clipped(to: width) }
        return clipped(to: width - mark) + CleanText(glyphs.ellipsis)
    }

    static func + (lhs: CleanText, rhs: CleanText) -> CleanText { CleanText(trusted: lhs.value + rhs.value) }

    /// Broken into lines of at most `width` cells, at spaces where it can and inside words longer
    /// than a line; at most `maxLines` lines (work stops there). Always at least one line.
    func wrapped(to width: Int, maxLines: Int = CleanText.maximumWrappedLines) -> [CleanText] {
        TextWrap.lines(value, width: width, maxLines: maxLines).map(CleanText.init(trusted:))
    }

    /// More lines than any terminal shows: the bound for callers that do not pass their own.
    static let maximumWrappedLines = 1_000
}
