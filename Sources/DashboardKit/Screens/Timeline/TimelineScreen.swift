import Foundation

/// The timeline screen's state: the window shown, one row per job or per series, and the row under
/// the cursor. The rows themselves are derived from the jobs at each frame (`TimelineRows`).
struct TimelineScreen: Equatable, Sendable {
    var window: TimelineWindow
    var grouping: TimelineRows.Grouping = .job
    /// The row under the cursor (clamped to the rows when drawn and used).
    var cursor = 0

    init(window: TimelineWindow) { self.window = window }

    mutating func toggleGrouping() {
        grouping = grouping == .job ? .series : .job
        cursor = 0
    }

    mutating func moveCursor(_ delta: Int, rowCount: Int) {
        cursor = min(max(0, cursor + delta), max(0, rowCount - 1))
    }

    /// The job Enter jumps to: the row's newest.
    func jumpTarget(in rows: [TimelineRow]) -> JobKey? {
        rows.indices.contains(cursor) ? rows[cursor].jobs.last?.key : nil
    }
}
