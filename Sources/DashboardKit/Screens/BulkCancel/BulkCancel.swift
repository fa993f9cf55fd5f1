import ICWSWire

/// `c` with marks: one confirmation for every marked job, grouped by server and state, No
/// selected; after `y` the same screen lists what became of each job. Each cancel goes to its
/// job's own server (`Effect.cancelJob` with this screen as requester), and its answer comes back
/// here, so no job's result is lost: sent, refused with the server's words, already ended, or
/// skipped (read-only context, a cancel already on its way).
public struct BulkCancel: YesNoScreen, MarkedJobsScreen, Equatable {
    /// What happens, or happened, to one marked job.
    public enum Outcome: Equatable, Sendable {
        /// Asking: it will be sent.
        case toSend
        /// Not sent: why (read-only context, already ended, a cancel already on its way).
        case skipped(Skip)
        /// Sent; no answer yet.
        case waiting
        /// The server accepted the cancel.
        case sent
        case refused(Failure)
    }

    public enum Skip: Equatable, Sendable {
        case readOnly
        /// The state it ended in (nil: the server said it had ended).
        case ended(JobState?)
        case pending
        case notCancelable(JobState)
    }

    public struct Entry: MarkedJobEntry {
        public let key: JobKey
        let name: String
        let server: String
        /// The state when the dialog opened (nil: the job is not loaded any more).
        let state: JobState?
        public internal(set) var outcome: Outcome

        /// Listed under its server and the state it had when the dialog opened.
        var group: [String] { [server, stateWord] }
        var stateWord: String { state?.word ?? "not loaded" }
    }

    /// By server (in the config's order), then state, then as listed.
    var list: MarkedJobList<Entry>
    public var entries: [Entry] { list.entries }
    public internal(set) var yesSelected = false
    /// `y` was answered: the screen shows each job's result.
    public internal(set) var confirmed = false

    init(entries: [Entry]) { list = MarkedJobList(entries) }

    static let contexts: [KeyContext] = [.bulkCancel, .bulkCancelResults]
    var keyContext: KeyContext { confirmed ? .bulkCancelResults : .bulkCancel }

    func draw(_ state: DashboardState, on canvas: Canvas) { BulkCancelView.draw(self, state: state, on: canvas) }
    func listRoom(_ state: DashboardState) -> Int { BulkCancelView.listRoom(self, width: state.width, height: state.height) }

    var toSend: [Entry] { entries.filter { $0.outcome == .toSend } }
    var serverCount: Int { Set(toSend.map(\.key.context)).count }
    func count(_ skip: (Skip) -> Bool) -> Int {
        entries.count { if case .skipped(let why) = $0.outcome { skip(why) } else { false } }
    }

    mutating func receive(_ reply: ScreenReply, id: ScreenID, state: inout DashboardState) -> [Effect] {
        switch reply {
        case .cancelSent(let key):
            set(key, .sent)
            state.marks.remove([key])
            return state.cancelSucceeded(id: key)
        case .cancelRefused(let key, let failure):
            if failure.kind == .alreadyEnded {
                set(key, .skipped(.ended(state.jobs[key]?.knownState.hasEnded == true ? state.jobs[key]?.knownState : nil)))
                state.marks.remove([key])
            } else {
                set(key, .refused(failure))
            }
            state.cancelFailed(id: key, failure: failure)
            return []
        case .jobSubmitted, .submitFailed:
            return state.unclaimedReply(reply)
        }
    }

    private mutating func set(_ key: JobKey, _ outcome: Outcome) {
        list.edit(key) { $0.outcome = outcome }
    }
}

extension DashboardState {
    /// The open bulk cancel dialog or results, if any.
    public var bulkCancel: BulkCancel? { topmost(BulkCancel.self) }

    /// Why `c` with marks cannot act: only read-only mode (the dialog says what each job gets).
    var bulkCancelUnavailable: Unavailable? {
        options.readOnly ? .off("Read-only mode: canceling jobs is turned off.", brief: "read-only mode") : nil
    }

    /// `c` with marks: the dialog over every marked job, No selected.
    mutating func openBulkCancel() {
        let (jobs, order) = (jobs, order)
        let entries = marks.keys.map { key -> BulkCancel.Entry in
            let job = jobs[key]
            let server = serverIndex(key.context).map { servers[$0] }
            return BulkCancel.Entry(key: key, name: job?.name ?? "", server: server?.label ?? "\(key.context)",
                                    state: job?.knownState, outcome: bulkOutcome(key, readOnly: server?.options.readOnly ?? false))
        }
        let position = { (key: JobKey) in jobs.slot(of: key).flatMap(order.position(of:)) ?? Int.max }
        push(BulkCancel(entries: entries.sorted {
            ($0.key.context, $0.state?.word ?? "", position($0.key), $0.key.id) < ($1.key.context, $1.state?.word ?? "", position($1.key), $1.key.id)
        }))
    }

    /// Whether a marked job's cancel would be sent now, or why not.
    private func bulkOutcome(_ key: JobKey, readOnly: Bool) -> BulkCancel.Outcome {
        if readOnly { return .skipped(.readOnly) }
        guard let state = jobs[key]?.knownState else { return .toSend }
        if state.hasEnded { return .skipped(.ended(state)) }
        if pendingCancels.contains(key) { return .skipped(.pending) }
        if !state.isCancelable { return .skipped(.notCancelable(state)) }
        return .toSend
    }

    /// `y`: a cancel to each job's own server for every job still to send (a job that ended
    /// while the dialog was open is skipped); the dialog becomes the list of results.
    mutating func confirmBulkCancel() -> [Effect] {
        guard let id = topScreenID else { return [] }
        return editTop(BulkCancel.self) { dialog, state in
            var effects: [Effect] = []
            // A job that had ended needs nothing more: its mark goes, as a sent one's does.
            state.marks.remove(dialog.entries.filter { if case .skipped(.ended) = $0.outcome { true } else { false } }.map(\.key))
            for index in dialog.entries.indices where dialog.entries[index].outcome == .toSend {
                let key = dialog.entries[index].key
                if let ended = state.jobs[key]?.knownState, ended.hasEnded {
                    dialog.list.edit(at: index) { $0.outcome = .skipped(.ended(ended)) }
                    state.marks.remove([key])
                    continue
                }
                dialog.list.edit(at: index) { $0.outcome = .waiting }
                state.pendingCancels.insert(key)
                effects.append(.cancelJob(id: key, requester: id))
            }
            dialog.confirmed = true
            dialog.list.scrollToTop()
            state.statusMessage = .info("\(effects.count) cancels sent; the results follow in the list.")
            return effects
        }
    }
}
