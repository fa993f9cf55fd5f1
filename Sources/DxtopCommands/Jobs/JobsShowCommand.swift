import ArgumentParser
import Foundation
import ICWSClient

/// `dxtop jobs show JOB_ID`: status, timeline, tables and views, filters, output, error.
struct JobsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one job: status, timeline, tables and views, filters, output folder, error.",
        discussion: "-o table and wide print the report; json and jsonl the job object; csv the status row of jobs list -o csv.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job id, or an unambiguous start of it.")
    var jobId: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try JobIdArgument.validate(jobId)
    }

    func run() throws {
        let context = try CommandContext(global)
        let jobId = jobId
        let job = try context.withSession { session in
            try await session.job(id: JobIdLookup.fullId(jobId, session: session), mode: .all)
        }
        let now = Date()
        let lines: [String]
        switch output.format {
        case .json: lines = [try SafeJSON.pretty(JSONOutput.Detail(job: job, now: now))]
        case .jsonl: lines = [try SafeJSON.line(JSONOutput.Detail(job: job, now: now))]
        case .csv:
            let listed = job.jobStatus.map { [ListedJob(context: nil, status: $0)] } ?? []
            lines = try JobCSV.lines(listed, showContext: false, headers: !output.noHeaders, now: now)
        case .table, .wide: lines = JobDetailText(job: job, format: context.format, now: now).lines()
        }
        for line in lines { StandardStreams.out(line) }
    }
}
