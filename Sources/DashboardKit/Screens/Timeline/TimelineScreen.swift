import Foundation

/// The timeline screen's state: the window shown, one row per job or per series, and the row under
/// the cursor. The rows are derived from the jobs (`TimelineRows`) and kept (`TimelineShown`) until
/// the jobs, the window or the grouping change: a key reads them instead of the jobs again.
struct TimelineScreen: DashboardScreen, Equatable {
    var window: TimelineWindow
    var grouping: TimelineRows.Grouping = .job
    /// The row under the cursor (clamped to the rows when drawn and used).
    var cursor = 0
    private var shown: TimelineShown?

    init(window: TimelineWindow) { self.window = window }

    static let contexts: [KeyContext] = [.timeline]
    var keyContext: KeyContext { .timeline }
    var coversMainScreen: Bool { true }

    func draw(_ state: DashboardState, on canvas: Canvas) {
        let shown = current(state)
        let servers = state.servers.map { server in
            TimelineView.ServerJobs(label: server.label, jobs: shown.jobs.filter { $0.key.context == server.id })
        }
        TimelineView.draw(self, rows: shown.rows, servers: servers, now: state.timelineNow, timeFormat: state.options.timeFormat,
                          on: canvas.area(state.screenBody))
    }

    /// The jobs and rows shown now: the kept ones while they hold, else read again.
    func current(_ state: DashboardState) -> TimelineShown {
        if let shown, shown.holds(state, window: window, grouping: grouping) { return shown }
        return TimelineShown(state, window: window, grouping: grouping, kept: shown)
    }

    /// Keeps the rows shown now (after a key, a page or a status).
    mutating func keepRows(_ state: DashboardState) { shown = current(state) }

    mutating func jobsChanged(_ state: DashboardState) { keepRows(state) }

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
