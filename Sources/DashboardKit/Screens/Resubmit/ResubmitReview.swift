import Foundation
import ICWSWire
import JobComposition

/// The resubmit review (`R`): what will be sent again — to the job's own server — the window
/// shifted only when asked.
public struct ResubmitReview: JobSendingScreen, Equatable {
    /// The job sent again; its context is where the new job goes.
    public var job: JobKey
    public var jobId: String { job.id }
    /// The job's configuration as the server sent it.
    public var original: JobConfig
    /// `w`: the window moved forward by its own length.
    public internal(set) var shifted = false
    public internal(set) var submitting = false
    public internal(set) var problems: [String] = []
    /// The server's refusal of the last `y`.
    public internal(set) var refusal: Failure?
    let timeZone: TimeZone
    /// Opened on a coverage gap: the gap's windows replace the job's own (`p`: per period or one job).
    var fill: GapFill?
    /// Jobs sent and not answered yet (a fill sends one per period).
    var awaiting = 0

    /// What `y` sends.
    func config(submittedUserId: String) -> JobConfig {
        configs(submittedUserId: submittedUserId)[0]
    }

    /// Every job `y` sends: one, or one per window of a gap fill.
    func configs(submittedUserId: String) -> [JobConfig] {
        if let fill {
            return fill.windows.map { JobComposer.resubmission(of: original, window: $0, submittedUserId: submittedUserId) }
        }
        return [Self.resubmission(of: original, shifted: shifted, timeZone: timeZone, submittedUserId: submittedUserId)]
    }

    /// What resubmitting `original` sends: the window moved forward by its own length when
    /// `shifted` (the single review's and the bulk review's `w`).
    static func resubmission(of original: JobConfig, shifted: Bool, timeZone: TimeZone, submittedUserId: String) -> JobConfig {
        JobComposer.resubmission(of: original, window: window(of: original, shifted: shifted, timeZone: timeZone),
                                 submittedUserId: submittedUserId)
    }

    /// The window resubmitting `original` extracts (nil: it has none).
    static func window(of original: JobConfig, shifted: Bool, timeZone: TimeZone) -> TimeWindow? {
        shifted ? TimeWindow(of: original)?.shifted(in: timeZone) : TimeWindow(of: original)
    }

    static let contexts: [KeyContext] = [.resubmit]
    var keyContext: KeyContext { .resubmit }

    func draw(_ state: DashboardState, on canvas: Canvas) { ResubmitView.draw(self, state: state, on: canvas) }

    /// A gap fill sends one job per period: the review closes once every one was answered and
    /// none was refused; a refusal stays shown.
    mutating func receive(_ reply: ScreenReply, id: ScreenID, state: inout DashboardState) -> [Effect] {
        switch reply {
        case .jobSubmitted(let job):
            awaiting = max(0, awaiting - 1)
            guard awaiting == 0, refusal == nil else { return [] }
            state.close(id)
            return state.showSubmittedJob(job)
        case .submitFailed(let failure):
            awaiting = max(0, awaiting - 1)
            submitting = awaiting > 0
            refusal = failure
            return []
        case .cancelSent, .cancelRefused:
            return state.unclaimedReply(reply)
        }
    }
}

extension DashboardState {
    /// The open resubmit review, if any.
    public var resubmit: ResubmitReview? { topmost(ResubmitReview.self) }

    /// Why `R` cannot resubmit the selected job now, if it cannot.
    var resubmitUnavailable: Unavailable? {
        guard !options.readOnly else { return .off("Read-only mode: resubmitting jobs is turned off.", brief: "read-only mode") }
        guard let id = selectedId else { return .notNow("No job selected.") }
        if let server = serverIndex(id.context), servers[server].options.readOnly {
            return .notNow("Job \(id.id): read-only context \(servers[server].label); resubmitting is turned off there.")
        }
        guard case .loaded? = configs[id] else { return .notNow("Job \(id): no configuration yet.") }
        return nil
    }

    mutating func openResubmit() -> [Effect] {
        guard let id = selectedId, case .loaded(let config)? = configs[id] else { return [] }
        push(ResubmitReview(job: id, original: config, timeZone: options.timeFormat.timeZone))
        return []
    }

    mutating func editResubmit(_ change: (inout ResubmitReview) -> Void) -> [Effect] {
        editTop(ResubmitReview.self) { review, _ in
            change(&review)
            return []
        }
    }

    mutating func sendResubmit() -> [Effect] {
        guard let review = topmost(ResubmitReview.self), let requester = topScreenID else { return [] }
        let context = review.job.context
        let configs = review.configs(submittedUserId: submittingUser(on: context))
        if case .loaded(let dictionary)? = dictionaries[context] {
            let problems = configs.flatMap { JobRules.problems(in: $0, dictionary: dictionary) }
            if !problems.isEmpty { return editResubmit { $0.problems = problems.map(\.message) } }
        }
        _ = editResubmit {
            $0.problems = []
            $0.refusal = nil
            $0.submitting = true
            $0.awaiting = configs.count
        }
        return configs.map { .submitJob(context: context, $0, requester: requester) }
    }

    /// `e`: the review gives way to the composer, filled in with the job (its window as "same as").
    mutating func editResubmitInComposer() -> [Effect] {
        guard let review = resubmit else { return [] }
        pop()
        let config = review.config(submittedUserId: "")
        let effects = openComposer(target: review.job.context)
        let window = TimeWindow(of: config)
        _ = editTop(Composer.self) { composer, _ in
            composer.fill(from: config, jobId: review.jobId, window: window)
            return []
        }
        return effects
    }
}

extension Composer {
    /// Filled in with a job's name, datasets, columns, window and sites.
    mutating func fill(from config: JobConfig, jobId: String, window: TimeWindow?) {
        name = config.name
        chosen = config.dataSets.map { Chosen(kind: $0.kind, name: $0.entry.name, columns: $0.columnNames) }
        sitesText = config.siteIds.joined(separator: ", ")
        if let window {
            let choice = WindowChoice.sameAs(jobId: jobId, window)
            windowChoices.removeAll { if case .sameAs = $0 { true } else { false } }
            windowChoices.insert(choice, at: windowChoices.firstIndex(of: .typed) ?? windowChoices.endIndex)
            self.window = choice
            windowCursor = windowChoices.firstIndex(of: choice) ?? 0
        }
        part = .submit
    }
}
