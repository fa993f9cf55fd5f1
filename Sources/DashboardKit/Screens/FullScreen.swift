extension DashboardState {
    /// Where a full-screen view (history, timeline, coverage) draws: everything above the status
    /// line and the footer, which keep showing what a key said and the screen's keys.
    var screenBody: Rect { Rect(row: 0, col: 0, width: layout.width, height: layout.statusArea.row) }

    /// Enter on a job in a full-screen view: the list selects it (its filter cleared when it hides it).
    mutating func jump(to key: JobKey) -> [Effect] {
        guard jobs[key] != nil else {
            statusMessage = .info("Job \(key.id) is not loaded.")
            return []
        }
        if row(of: key) == nil, filter.isActive {
            setFilter("")
            statusMessage = .info("The list filter was cleared to show job \(key.id).")
        }
        select(key)
        focus = .list
        return []
    }
}
