import ICWSWire

extension DashboardState {
    /// The idle check of a server: its newest job is `newestId`. When that job is already listed
    /// nothing newer exists and nothing changes (not even the clock, so an idle dashboard writes
    /// nothing to the terminal); otherwise the newest page is fetched, as a refresh would.
    mutating func newestChecked(_ newestId: String?, context: ContextID) -> [Effect] {
        guard let newestId, jobs[JobKey(context: context, id: newestId)] == nil else { return [] }
        return requestNewestPage(context: context)
    }
}
