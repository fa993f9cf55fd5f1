import ICWSWire

/// The cancel confirmation (`c`): the cancel dialog screen's own state.
public struct CancelDialog: YesNoScreen, Equatable {
    public var jobId: JobKey
    public var jobName: String
    /// No is selected when the dialog opens, so Enter alone never cancels.
    public var yesSelected = false
    /// The state the job ended in while the dialog was open: nothing is left to cancel, and the
    /// dialog says so until the operator closes it (any of its keys; none sends anything), so
    /// a key typed for the dialog never reaches the list.
    public var endedAs: JobState?

    static let contexts: [KeyContext] = [.cancelDialog, .cancelDialogEnded]
    var keyContext: KeyContext { endedAs == nil ? .cancelDialog : .cancelDialogEnded }

    func draw(_ state: DashboardState, on canvas: Canvas) { CancelDialogView.draw(self, state: state, on: canvas) }

    /// A job that ends while its dialog is open leaves nothing to cancel: the dialog says so and
    /// stays until the operator closes it (closing it for them would send their next key, meant
    /// for the dialog, to the list).
    mutating func jobsChanged(_ state: DashboardState) {
        guard endedAs == nil, let ended = state.jobs[jobId]?.knownState, ended.hasEnded else { return }
        endedAs = ended
        yesSelected = false
    }
}

extension DashboardState {
    /// The open cancel dialog, if any.
    public var dialog: CancelDialog? { topmost(CancelDialog.self) }

    /// Why `c` cannot cancel the selected job now, if it cannot.
    var cancelUnavailable: Unavailable? {
        guard !options.readOnly else {
            return .off("Read-only mode: canceling jobs is turned off.", brief: "read-only mode")
        }
        guard let key = selectedId, let job = jobs[key] else { return .notNow("No job selected.") }
        if let server = serverIndex(key.context), servers[server].options.readOnly {
            return .notNow("Job \(job.id): read-only context \(servers[server].label); canceling is turned off there.")
        }
        let state = job.knownState
        if state.hasEnded { return .notNow("Job \(job.id) already \(state.word); it cannot be canceled.") }
        if pendingCancels.contains(key) {
            return .notNow("Job \(job.id): a cancel was already sent; waiting for the server.")
        }
        if !state.isCancelable { return .notNow("Job \(job.id) is in state \(state.word); it cannot be canceled.") }
        return nil
    }

    /// `c` / Delete on a job that can be canceled: the confirmation, No selected.
    mutating func openCancelDialog() {
        guard let key = selectedId, let job = jobs[key] else { return }
        push(CancelDialog(jobId: key, jobName: job.name))
    }

    mutating func confirmCancel() -> [Effect] {
        guard let open = topmost(CancelDialog.self) else { return [] }
        pop()
        guard open.endedAs == nil else { return [] }
        pendingCancels.insert(open.jobId)
        return [.cancelJob(id: open.jobId)]
    }

    /// The server refused the cancel, or could not be reached: the job is no longer shown as being
    /// canceled and the status line says why.
    mutating func cancelFailed(id key: JobKey, failure: Failure) {
        pendingCancels.remove(key)
        statusMessage = .failed(.cancel(jobId: key), failure)
    }

    /// How long a job whose cancel the server accepted is shown as being canceled before the
    /// dashboard gives up waiting for its end.
    static let cancelPatience: Duration = .seconds(60)

    mutating func cancelSucceeded(id key: JobKey) -> [Effect] {
        // The event stream can beat the DELETE reply: then the job's end is already known.
        if let state = jobs[key]?.knownState, state.hasEnded {
            pendingCancels.remove(key)
            statusMessage = .info("Job \(key.id) \(state.word).")
            return []
        }
        statusMessage = .info("Cancel of job \(key.id) accepted; waiting for the server to stop it.")
        return [.startTimer(.cancelAccepted(key), after: Self.cancelPatience)]
    }

    /// The patience for an accepted cancel has run out: a job still not ended is no longer marked
    /// as being canceled (so `c` can send the cancel again), and the status line says so.
    mutating func cancelWaitEnded(id key: JobKey) {
        guard pendingCancels.contains(key), let state = jobs[key]?.knownState, !state.hasEnded else { return }
        pendingCancels.remove(key)
        statusMessage = .info("Job \(key.id) is still \(state.word) \(Self.cancelPatience.components.seconds) s after the server accepted its cancel; c sends it again.")
    }
}
