/// Line-drawing and marker characters, with an ASCII set for terminals without UTF-8.
public struct Glyphs: Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    /// Marks the selected row.
    public var selection: String
    /// A timeline step that was reached.
    public var reached: String
    /// A timeline step not reached (yet).
    public var notReached: String
    /// The current timeline step.
    public var current: String
    public var ellipsis: String
    public var arrow: String
    public var separator: String
    /// Marks the column the list is sorted by.
    public var sortMarker: String
    /// Marks the row after which a server's loaded history ends (its older jobs are not loaded yet).
    public var historyEnd: String
    /// The run-history views' marks.
    public var charts = ChartGlyphs.unicode
    /// Marks a row marked for a bulk action (Space, V).
    public var marked: String

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        selection: "▶", reached: "●",
        notReached: "○", current: "▶", ellipsis: "…", arrow: "→", separator: "·", sortMarker: "▼",
        historyEnd: "┄", marked: "◆")

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        selection: ">", reached: "*",
        notReached: "o", current: ">", ellipsis: "...", arrow: "->", separator: "|", sortMarker: "v",
        historyEnd: "~", charts: .ascii, marked: "*")
}
