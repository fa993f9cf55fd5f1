extension DashboardState {
    /// A job the server took: the list fetches it and selects it (the list filter, which could
    /// hide it, is cleared). The screen that sent it calls this once it has closed.
    mutating func showSubmittedJob(_ id: JobKey) -> [Effect] {
        let filtered = filter.isActive
        setFilter("")
        statusMessage = .info("Job \(id.id) submitted\(filtered ? "; the list filter was cleared to show it" : "").")
        selectWhenListed = id
        return requestNewestPage(context: id.context)
    }

    /// The answer to a request whose screen has closed meanwhile: the main screen says what
    /// happened (a job submitted is still shown).
    mutating func unclaimedReply(_ reply: ScreenReply) -> [Effect] {
        switch reply {
        case .jobSubmitted(let id):
            return showSubmittedJob(id)
        case .submitFailed(let failure):
            statusMessage = .failed(.submit, failure)
            return []
        case .cancelSent(let key):
            return cancelSucceeded(id: key)
        case .cancelRefused(let key, let failure):
            cancelFailed(id: key, failure: failure)
            return []
        }
    }
}
