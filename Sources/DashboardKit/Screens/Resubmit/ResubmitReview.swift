import Foundation
import ICWSWire
import JobComposition

/// The resubmit review (`R`): what will be sent again — to the job's own server — the window
/// shifted only when asked.
public struct ResubmitReview: Equatable, Sendable {
    /// The job sent again; its context is where the new job goes.
    public var job: JobKey
    public var jobId: String { job.id }
    /// The job's configuration as the server sent it.
    public var original: JobConfig
    /// `w`: the window moved forward by its own length.
    public internal(set) var shifted = false
    public internal(set) var submitting = false
    public internal(set) var problems: [String] = []
    let timeZone: TimeZone

    /// What `y` sends.
    func config(submittedUserId: String) -> JobConfig {
        let window = shifted ? TimeWindow(of: original)?.shifted(in: timeZone) : nil
        return JobComposer.resubmission(of: original, window: window, submittedUserId: submittedUserId)
    }
}

enum ResubmitScreen {
    static let bindings: [Binding] = [
        Binding([.char("y")], in: [.resubmit], help: "yes: send it again",
                details: "Send the job shown again (as the login user); the new job is selected in the list.",
                footer: FooterLabel(label: "send", rank: 0),
                unavailable: { $0.resubmit?.submitting == true ? .notNow("The job is on its way to the server.") : nil }) { state, _ in
            state.sendResubmit()
        },
        Binding([.char("w")], in: [.resubmit], help: "shift the window forward by its length (again: back)",
                footer: FooterLabel(label: "shift window", rank: 1),
                unavailable: { state in
                    state.resubmit.flatMap { TimeWindow(of: $0.original) } == nil ? .notNow("This job has no time window to shift.") : nil
                }) { state, _ in
            state.editResubmit { $0.shifted.toggle() }
        },
        Binding([.char("e")], in: [.resubmit], help: "edit it in the composer",
                footer: FooterLabel(label: "edit", rank: 2)) { state, _ in
            state.editResubmitInComposer()
        },
        Binding([.char("n"), .escape], in: [.resubmit], help: "no: close, nothing is sent",
                footer: FooterLabel(label: "no", rank: 3, keysShown: 2)) { state, _ in
            state.pop()
            return []
        },
    ]
}

extension DashboardState {
    /// The open resubmit review, if any.
    public var resubmit: ResubmitReview? {
        for case .resubmit(let review) in screens.reversed() { return review }
        return nil
    }

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
        push(.resubmit(ResubmitReview(job: id, original: config, timeZone: options.timeFormat.timeZone)))
        return []
    }

    mutating func editResubmit(_ change: (inout ResubmitReview) -> Void) -> [Effect] {
        updateTop { screen in
            guard case .resubmit(var review) = screen else { return }
            change(&review)
            screen = .resubmit(review)
        }
        return []
    }

    mutating func sendResubmit() -> [Effect] {
        guard let review = resubmit else { return [] }
        let context = review.job.context
        let config = review.config(submittedUserId: submittingUser(on: context))
        if case .loaded(let dictionary)? = dictionaries[context] {
            let problems = JobRules.problems(in: config, dictionary: dictionary)
            if !problems.isEmpty { return editResubmit { $0.problems = problems.map(\.message) } }
        }
        _ = editResubmit {
            $0.problems = []
            $0.submitting = true
        }
        return [.submitJob(context: context, config)]
    }

    /// `e`: the review gives way to the composer, filled in with the job (its window as "same as").
    mutating func editResubmitInComposer() -> [Effect] {
        guard let review = resubmit else { return [] }
        pop()
        let config = review.config(submittedUserId: "")
        let effects = openComposer(target: review.job.context)
        let window = TimeWindow(of: config)
        updateTop { screen in
            guard case .composer(var composer) = screen else { return }
            composer.fill(from: config, jobId: review.jobId, window: window)
            screen = .composer(composer)
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
