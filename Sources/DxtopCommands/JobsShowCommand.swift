import ArgumentParser
import Foundation
import ICWSClient

/// `dxtop jobs show JOB_ID`: status, timeline, tables and views, filters, output, error.
struct JobsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one job: status, timeline, tables and views, filters, output folder, error.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job id.")
    var jobId: String

    @Flag(name: .long, help: "Print JSON (keys in docs/cli.md).")
    var json = false

    func validate() throws {
        try JobIdArgument.validate(jobId)
    }

    func run() throws {
        let context = try CommandContext(global)
        let jobId = jobId
        let job = try context.withSession { session in
            try await session.job(id: jobId, mode: .all)
        }
        let now = Date()
        if json {
            StandardStreams.out(try SafeJSON.pretty(JSONOutput.Detail(job: job, now: now)))
        } else {
            for line in JobDetailText(job: job, format: context.format, now: now).lines() { StandardStreams.out(line) }
        }
    }
}
