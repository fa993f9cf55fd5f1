import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import Synchronization

/// `dxtop jobs cancel ID… | --state S --older-than AGE [--filter F] [--dry-run] [--yes]`: asks on
/// a terminal (default No); refuses without `--yes` when nobody can be asked. One id on one context
/// is the one-job cancel; several ids, a selection or `--dry-run` make a bulk cancel (`BulkRun`).
struct JobsCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel jobs by id, or those a filter selects (asks for confirmation on a terminal; --yes in scripts).",
        discussion: """
            Several ids, or a selection (--state, --older-than, --filter) over the context, several (--context A \
            --context B) or all (--all-contexts), make a bulk cancel: each cancel goes to its job's own server and \
            gets a result line; jobs already ended and jobs of read-only contexts are left out and counted. Exit \
            status 0 when every cancel was sent, 1 when one failed, 4 when only read-only contexts were left out.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Job ids, or unambiguous starts of them.")
    var jobIds: [String] = []

    @OptionGroup var selection: BulkFilterOptions

    @Flag(name: .long, help: "List what would be canceled; send nothing.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .long], help: "Do not ask; required when not on a terminal.")
    var yes = false

    func validate() throws {
        for id in jobIds { try JobIdArgument.validate(id) }
        if jobIds.isEmpty, !selection.isGiven {
            throw ValidationError("give job ids, or select jobs with --state, --older-than or --filter")
        }
        if !jobIds.isEmpty, selection.isGiven {
            throw ValidationError("job ids cannot be combined with --state, --older-than or --filter")
        }
        _ = try selection.query()
    }

    private var isBulk: Bool {
        jobIds.count != 1 || selection.isGiven || dryRun || global.context.count > 1 || global.allContexts
    }

    func run() throws {
        guard !isBulk else {
            let what = jobIds.isEmpty ? "the selected jobs" : "\(jobIds.count) jobs"
            try JobSending.checkCanAsk(yes: yes, dryRun: dryRun, action: "cancel \(what)")
            let run = BulkRun(verb: "cancel", selection: jobIds.isEmpty ? .query(try selection.query()) : .ids(jobIds),
                              skipsEnded: true, dryRun: dryRun, ask: !yes) { session, _, job in
                try await session.cancelJob(id: job.id)
                return nil
            }
            return try run.run(global)
        }
        let jobId = jobIds[0]
        let ask = !yes
        if ask, !TerminalInput.isInteractive {
            throw CLIError.usage("refusing to cancel job \(TerminalSafe.clean(jobId)) without --yes: there is no terminal to confirm on")
        }
        let context = try CommandContext(global, refusing: "cancel")
        let (typed, place) = (jobId, context.resolved.place)
        let sent = Mutex<String?>(nil)
        let outcome: CancelOutcome
        do {
            outcome = try context.withSession { session -> CancelOutcome in
                let jobId = try await JobIdLookup.fullId(typed, session: session)
                if ask {
                    guard let status = try await session.job(id: jobId, mode: .status).jobStatus else {
                        throw CLIError.failure("the server sent no status for job \(TerminalSafe.clean(jobId))")
                    }
                    if status.knownState.hasEnded { return .alreadyEnded(jobId, status.stateText) }
                    let question = "Cancel job \(TerminalSafe.clean(jobId)) \"\(Cell.clean(status.name, width: 60))\" (\(status.stateText)) on \(place)? [y/N] "
                    guard await TerminalInput.confirm(question) else { return .declined(jobId) }
                }
                sent.withLock { $0 = jobId }
                try await session.cancelJob(id: jobId)
                return .sent(jobId)
            }
        } catch var error as ContextFailure where error.kind == .unavailable || error.kind == .timeout {
            // Offline is not a refusal: say whether the cancel left at all.
            if let id = sent.withLock({ $0 }).map(TerminalSafe.clean) {
                error.lead = "cancel of job \(id) may not have reached the server (check with 'dxtop jobs show \(id)')"
            } else {
                error.lead = "cancel of job \(TerminalSafe.clean(typed)) not sent"
            }
            throw error
        }
        switch outcome {
        case .sent(let id):
            StandardStreams.out("cancel requested for job \(TerminalSafe.clean(id))")
        case .declined(let id):
            throw CLIError.failure("job \(TerminalSafe.clean(id)) not canceled")
        case .alreadyEnded(let id, let state):
            throw CLIError.failure("job \(TerminalSafe.clean(id)) has already ended (\(state)); nothing to cancel")
        }
    }

    private enum CancelOutcome: Sendable {
        case sent(String), declined(String), alreadyEnded(String, String)
    }
}
