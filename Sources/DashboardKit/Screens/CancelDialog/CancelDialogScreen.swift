import ICWSWire

extension DashboardState {
    /// `c` / Delete: opens the confirmation (No selected), or says why the job cannot be canceled.
    mutating func openCancelDialog() {
        guard !options.readOnly else {
            statusMessage = .info("Read-only mode: canceling jobs is turned off.")
            return
        }
        guard let job = selectedJob else {
            statusMessage = .info("No job selected.")
            return
        }
        let state = job.knownState
        if state.hasEnded {
            statusMessage = .info("Job \(job.id) already \(state.word); it cannot be canceled.")
        } else if pendingCancels.contains(job.id) {
            statusMessage = .info("Job \(job.id): a cancel was already sent; waiting for the server.")
        } else if !state.isCancelable {
            statusMessage = .info("Job \(job.id) is in state \(state.word); it cannot be canceled.")
        } else {
            dialog = CancelDialog(jobId: job.id, jobName: job.name)
        }
    }

    /// Keys while the dialog is open: y, n/Esc, ←/→/Tab/h/l to choose, Enter on the choice.
    mutating func dialogKey(_ key: Key) -> [Effect] {
        guard let open = dialog else { return [] }
        switch key {
        case .char("y"), .char("Y"):
            return confirmCancel(open)
        case .char("n"), .char("N"), .escape:
            dialog = nil
        case .left, .right, .tab, .backTab, .char("h"), .char("l"):
            dialog?.yesSelected.toggle()
        case .enter:
            if open.yesSelected { return confirmCancel(open) }
            dialog = nil
        default:
            break
        }
        return []
    }

    private mutating func confirmCancel(_ open: CancelDialog) -> [Effect] {
        dialog = nil
        pendingCancels.insert(open.jobId)
        return [.cancelJob(id: open.jobId)]
    }

    /// A job that ends while its dialog is open leaves nothing to cancel: close it and say so.
    mutating func closeDialogIfJobEnded() {
        guard let open = dialog, let state = jobs[open.jobId]?.knownState, state.hasEnded else { return }
        dialog = nil
        statusMessage = .info("Job \(open.jobId) \(state.word) meanwhile; nothing to cancel.")
    }

    mutating func cancelSucceeded(id: String) {
        // The event stream can beat the DELETE reply: then the job's end is already known.
        if let state = jobs[id]?.knownState, state.hasEnded {
            pendingCancels.remove(id)
            statusMessage = .info("Job \(id) \(state.word).")
        } else {
            statusMessage = .info("Cancel of job \(id) accepted; waiting for the server to stop it.")
        }
    }
}
