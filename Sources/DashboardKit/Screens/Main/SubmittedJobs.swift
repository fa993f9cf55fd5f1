import ICWSWire

/// A screen that sends a job (`Effect.submitJob` carrying its id): the composer, the resubmit
/// review. The server's answer comes back to it: the job taken, it closes and the list selects
/// the job; refused, it keeps everything and shows why (`refusal`, words by `FailureText`).
protocol JobSendingScreen: DashboardScreen {
    var submitting: Bool { get set }
    var refusal: Failure? { get set }
}

extension JobSendingScreen {
    mutating func receive(_ reply: ScreenReply, id: ScreenID, state: inout DashboardState) -> [Effect] {
        switch reply {
        case .jobSubmitted(let job):
            state.close(id)
            return state.showSubmittedJob(job)
        case .submitFailed(let failure):
            submitting = false
            refusal = failure
            return []
        case .cancelSent, .cancelRefused:
            return state.unclaimedReply(reply)
        }
    }
}

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
