import Foundation
import ICWSWire
import JobComposition

/// `R` with marks: one review of every marked job, grouped by server, with the resubmit review's
/// keys (`y` sends, `w` shifts every window forward by its own length, `n`/Esc sends nothing).
/// Read-only contexts are left out and the review says how many. After `y` the jobs go one at a
/// time, each to its own server (an answer names no job, so one in flight at a time keeps each
/// result with its job), and the same screen shows what became of each.
public struct BulkResubmit: MarkedJobsScreen, Equatable {
    public enum Outcome: Equatable, Sendable {
        /// Will be sent (once its configuration is here).
        case toSend
        case skipped(Skip)
        /// `y` was answered: in line to be sent.
        case queued
        /// Sent; no answer yet.
        case sending
        /// The server took it: the new job.
        case sent(JobKey)
        case refused(Failure)
    }

    public enum Skip: Equatable, Sendable {
        case readOnly
        /// Its configuration could not be read.
        case noConfiguration(Failure?)
    }

    /// What the review shows of a job's configuration before `y`.
    enum Preview: Equatable, Sendable {
        case loading
        case failed(Failure)
        /// The window it will extract (nil: it has none and is sent as it was).
        case window(TimeWindow?)
    }

    public struct Entry: MarkedJobEntry {
        public let key: JobKey
        let name: String
        let server: String
        public internal(set) var outcome: Outcome
        var preview = Preview.loading

        /// Listed under its server.
        var group: String { server }
    }

    /// By server (in the config's order), then as listed.
    var list: MarkedJobList<Entry>
    public var entries: [Entry] { list.entries }
    /// `w`: every window shifted forward by its own length.
    public private(set) var shifted = false
    /// `y` was answered: the screen shows each job's result.
    public internal(set) var confirmed = false
    let timeZone: TimeZone

    /// Each job's preview from the configurations `state` has.
    init(entries: [Entry], timeZone: TimeZone, state: DashboardState) {
        list = MarkedJobList(entries)
        self.timeZone = timeZone
        for entry in entries { configChanged(entry.key, state: state) }
    }

    static let contexts: [KeyContext] = [.bulkResubmit, .bulkResubmitResults]
    var keyContext: KeyContext { confirmed ? .bulkResubmitResults : .bulkResubmit }

    func draw(_ state: DashboardState, on canvas: Canvas) { BulkResubmitView.draw(self, state: state, on: canvas) }
    func listRoom(_ state: DashboardState) -> Int { BulkResubmitView.listRoom(self, state: state) }

    var toSend: [Entry] { entries.filter { $0.outcome == .toSend } }
    var readOnlyCount: Int { entries.count { $0.outcome == .skipped(.readOnly) } }

    /// What is sent again for `entry` (its configuration loaded), the window shifted when asked:
    /// built once, when it is sent.
    func config(_ entry: Entry, state: DashboardState) -> JobConfig? {
        guard case .loaded(let original)? = state.configs[entry.key] else { return nil }
        return ResubmitReview.resubmission(of: original, shifted: shifted, timeZone: timeZone,
                                           submittedUserId: state.submittingUser(on: entry.key.context))
    }

    /// A job's configuration came (or failed): its preview follows.
    mutating func configChanged(_ key: JobKey, state: DashboardState) {
        let preview: Preview = switch state.configs[key] {
        case .loaded(let original)?: .window(ResubmitReview.window(of: original, shifted: shifted, timeZone: timeZone))
        case .failed(let failure)?: .failed(failure)
        default: .loading
        }
        list.edit(key) { $0.preview = preview }
    }

    /// `w`: every window shifted forward by its own length, or back.
    mutating func toggleShift(state: DashboardState) {
        shifted.toggle()
        for entry in entries { configChanged(entry.key, state: state) }
    }

    mutating func receive(_ reply: ScreenReply, id: ScreenID, state: inout DashboardState) -> [Effect] {
        guard let index = entries.firstIndex(where: { $0.outcome == .sending }) else { return state.unclaimedReply(reply) }
        switch reply {
        case .jobSubmitted(let job):
            list.edit(at: index) { $0.outcome = .sent(job) }
            state.marks.remove([entries[index].key])
        case .submitFailed(let failure):
            list.edit(at: index) { $0.outcome = .refused(failure) }
        case .cancelSent, .cancelRefused:
            return state.unclaimedReply(reply)
        }
        return sendNext(id: id, state: &state)
    }

    /// The next job in line goes to its server; with none left the status line sums up.
    mutating func sendNext(id: ScreenID, state: inout DashboardState) -> [Effect] {
        while let index = entries.firstIndex(where: { $0.outcome == .queued }) {
            guard let config = config(entries[index], state: state) else {
                list.edit(at: index) { $0.outcome = .skipped(.noConfiguration(nil)) }
                continue
            }
            list.edit(at: index) { $0.outcome = .sending }
            return [.submitJob(context: entries[index].key.context, config, requester: id)]
        }
        let sent = entries.compactMap { if case .sent(let job) = $0.outcome { job } else { nil } }
        state.statusMessage = .info("Resubmitted \(sent.count) of \(entries.count) marked jobs; each job's result is in the review.")
        return Set(sent.map(\.context)).sorted { $0.index < $1.index }.flatMap { state.requestNewestPage(context: $0) }
    }
}

extension DashboardState {
    /// The open bulk resubmit review or results, if any.
    public var bulkResubmit: BulkResubmit? { topmost(BulkResubmit.self) }

    /// Why `R` with marks cannot act: only read-only mode (the review says what each job gets).
    var bulkResubmitUnavailable: Unavailable? {
        options.readOnly ? .off("Read-only mode: resubmitting jobs is turned off.", brief: "read-only mode") : nil
    }

    /// `R` with marks: the review over every marked job; the configurations not loaded yet are
    /// asked for (once per job).
    mutating func openBulkResubmit() -> [Effect] {
        let (jobs, order) = (jobs, order)
        var effects: [Effect] = []
        let entries = marks.keys.map { key -> BulkResubmit.Entry in
            let server = serverIndex(key.context).map { servers[$0] }
            var outcome = BulkResubmit.Outcome.toSend
            if server?.options.readOnly ?? false {
                outcome = .skipped(.readOnly)
            } else if configs[key] == nil {
                configRequested(key)
                effects.append(.loadConfig(id: key))
            }
            return BulkResubmit.Entry(key: key, name: jobs[key]?.name ?? "", server: server?.label ?? "\(key.context)", outcome: outcome)
        }
        let position = { (key: JobKey) in jobs.slot(of: key).flatMap(order.position(of:)) ?? Int.max }
        push(BulkResubmit(entries: entries.sorted { ($0.key.context, position($0.key), $0.key.id) < ($1.key.context, position($1.key), $1.key.id) },
                          timeZone: options.timeFormat.timeZone, state: self))
        return effects.sorted { ($0.context?.index ?? 0) < ($1.context?.index ?? 0) }
    }

    /// How many jobs to send still wait for their configuration.
    var bulkResubmitLoading: Int {
        bulkResubmit?.toSend.count { if case .loading? = configs[$0.key] { true } else { false } } ?? 0
    }

    /// `y`: every job to send goes in line (a job whose configuration failed is skipped), the
    /// first one is sent, and the review becomes the list of results.
    mutating func confirmBulkResubmit() -> [Effect] {
        guard let id = topScreenID else { return [] }
        return editTop(BulkResubmit.self) { review, state in
            for index in review.entries.indices where review.entries[index].outcome == .toSend {
                if case .failed(let failure)? = state.configs[review.entries[index].key] {
                    review.list.edit(at: index) { $0.outcome = .skipped(.noConfiguration(failure)) }
                } else {
                    review.list.edit(at: index) { $0.outcome = .queued }
                }
            }
            review.confirmed = true
            review.list.scrollToTop()
            return review.sendNext(id: id, state: &state)
        }
    }

    mutating func editBulkResubmit(_ change: (inout BulkResubmit, DashboardState) -> Void) -> [Effect] {
        editTop(BulkResubmit.self) { review, state in
            change(&review, state)
            return []
        }
    }
}
