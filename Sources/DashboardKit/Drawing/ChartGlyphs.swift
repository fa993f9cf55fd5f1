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

/// One cell of a bar chart (the history chart's columns, the timeline's bars): a job's queue wait or
/// run, its end when it failed or was canceled, a clipped outlier, the baseline line.
enum ChartCell: Equatable {
    case empty, queued, running, failed, canceled, outlier, baseline

    /// The glyph and style; `running` names what the run part shows (a finished run in the
    /// history, a job running or run in the timeline).
    func look(_ g: ChartGlyphs, running: StyleRole) -> (String, CellStyle) {
        switch self {
        case .empty: (" ", .plain)
        case .queued: (g.queued, CellStyle(.muted))
        case .running: (g.running, CellStyle(running))
        case .failed: (g.failed, CellStyle(.failed, bold: true))
        case .canceled: (g.canceled, CellStyle(.canceled, bold: true))
        case .outlier: (g.outlier, CellStyle(.overdue, bold: true))
        case .baseline: (g.baseline, CellStyle(.muted))
        }
    }
}
