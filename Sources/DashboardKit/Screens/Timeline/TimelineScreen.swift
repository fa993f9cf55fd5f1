import Foundation

/// The timeline screen's state: the window shown, one row per job or per series, and the row under
/// the cursor. The rows themselves are derived from the jobs at each frame (`TimelineRows`).
struct TimelineScreen: DashboardScreen, Equatable {
    var window: TimelineWindow
    var grouping: TimelineRows.Grouping = .job
    /// The row under the cursor (clamped to the rows when drawn and used).
    var cursor = 0

    init(window: TimelineWindow) { self.window = window }

    static let contexts: [KeyContext] = [.timeline]
    var keyContext: KeyContext { .timeline }
    var coversMainScreen: Bool { true }

    func draw(_ state: DashboardState, on canvas: Canvas) {
        let now = state.timelineNow
        let jobs = state.timelineJobs(in: window, now: now)
        let servers = state.servers.map { server in
            TimelineView.ServerJobs(label: server.label, jobs: jobs.filter { $0.key.context == server.id })
        }
        TimelineView.draw(self, rows: TimelineRows.rows(jobs, window: window, grouping: grouping, now: now), servers: servers,
                          now: now, timeFormat: state.options.timeFormat, on: canvas.area(state.screenBody))
    }

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
