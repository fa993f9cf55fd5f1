import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import Synchronization

/// `dxtop jobs cancel JOB_ID [--yes]`: asks on a terminal (default No); refuses without `--yes`
/// when nobody can be asked.
struct JobsCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a job (asks for confirmation on a terminal; --yes in scripts).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job id, or an unambiguous start of it.")
    var jobId: String

    @Flag(name: [.customShort("y"), .long], help: "Do not ask; required when not on a terminal.")
    var yes = false

    func validate() throws {
        try JobIdArgument.validate(jobId)
    }

    func run() throws {
        let ask = !yes
        if ask, !TerminalInput.isInteractive {
            throw CLIError.usage("refusing to cancel job \(TerminalSafe.clean(jobId)) without --yes: there is no terminal to confirm on")
        }
        let context = try CommandContext(global, refusing: "cancel")
        try PurgedJobs.refuse(jobId, context: context.resolved, action: "canceled")
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
