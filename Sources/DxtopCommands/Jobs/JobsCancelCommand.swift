import ArgumentParser
import DisplayText
import Foundation
import ICWSClient

/// `dxtop jobs cancel JOB_ID [--yes]`: asks on a terminal (default No); refuses without `--yes`
/// when nobody can be asked.
struct JobsCancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a job (asks for confirmation on a terminal; --yes in scripts).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job id.")
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
        let jobId = jobId
        let canceled = try context.withSession { session in
            if ask {
                let status = try await session.job(id: jobId, mode: .status).jobStatus
                let name = status.map { " \"\(Cell.clean($0.name, width: 60))\" (\($0.stateText))" } ?? ""
                guard TerminalInput.confirm("Cancel job \(TerminalSafe.clean(jobId))\(name)? [y/N] ") else { return false }
            }
            try await session.cancelJob(id: jobId)
            return true
        }
        guard canceled else {
            throw CLIError.failure("job \(jobId) not canceled")
        }
        StandardStreams.out("cancel requested for job \(TerminalSafe.clean(jobId))")
    }
}
