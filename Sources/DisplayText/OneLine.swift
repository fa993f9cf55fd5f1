/// Text made to fit on one line: every run of whitespace, line breaks included, becomes a single
/// space, and the ends are trimmed. The one rule for error messages and warnings printed or shown
/// on a single line.
public enum OneLine {
    public static func folded(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Terminal-safe (`TerminalSafe.clean`) and folded: for server text printed on one line.
    public static func safe(_ text: String) -> String {
        folded(TerminalSafe.clean(text))
    }
}
