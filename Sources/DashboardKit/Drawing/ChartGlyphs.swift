/// The marks of the run-history views (sparklines, the history chart, the timeline, the coverage
/// grid): Unicode blocks, with an ASCII set as htop and btop have. Every outcome has a glyph of its
/// own, so nothing is told by colour alone.
public struct ChartGlyphs: Sendable {
    /// Bar heights, lowest first (eight steps).
    public var levels: [String]
    public var failed: String
    public var canceled: String
    /// A job waiting in the queue (timeline bars, the history chart's lower part).
    public var queued: String
    /// A job running (timeline bars, the history chart's upper part).
    public var running: String
    /// A run past the overdue rule (the history chart's clipped bars).
    public var outlier: String
    /// The baseline line of the history chart.
    public var baseline: String
    /// The timeline's "now" line.
    public var now: String
    /// Coverage cells: a period extracted, extracted twice or more, a gap, a gap a failed job tried,
    /// and a period not due yet.
    public var extracted: String
    public var overlap: String
    public var gap: String
    public var failedGap: String
    public var notDue: String

    public static let unicode = ChartGlyphs(
        levels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], failed: "✗", canceled: "⊘", queued: "░", running: "█",
        outlier: "▲", baseline: "┄", now: "│", extracted: "█", overlap: "◆", gap: "○", failedGap: "✗", notDue: "·")

    public static let ascii = ChartGlyphs(
        levels: ["_", ".", ",", "-", "=", "+", "*", "#"], failed: "X", canceled: "C", queued: ".", running: "#",
        outlier: "^", baseline: "-", now: "|", extracted: "#", overlap: "*", gap: "o", failedGap: "X", notDue: ".")
}
