import ArgumentParser
import Foundation
import ICWSClient
import ICWSWire

/// `dxtop jobs list`: the newest jobs (or those before `--from`), as a table or JSON.
struct JobsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List jobs, newest first.",
        discussion: "Columns: id, state, name, submitted by, submitted, duration. --all walks older pages until the end.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Jobs per page (default 30).", valueName: "n"))
    var count = ICWSProtocol.defaultJobCount

    @Option(name: .customLong("from"), help: ArgumentHelp("Start with the jobs older than this job id.", valueName: "job-id"))
    var fromJobId: String?

    @Flag(name: .long, help: "Keep fetching older pages until there are no more.")
    var all = false

    @Flag(name: .long, help: "Print a JSON array (keys in docs/cli.md).")
    var json = false

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        if let fromJobId { try JobIdArgument.validate(fromJobId, as: "--from") }
    }

    func run() throws {
        let context = try CommandContext(global)
        let (count, from, all) = (count, fromJobId, all)
        let jobs = try context.withSession { session in
            try await JobPageWalk.fetch(session: session, count: count, from: from, all: all)
        }
        let now = Date()
        if json {
            StandardStreams.out(try SafeJSON.pretty(jobs.map { JSONOutput.Status(status: $0, now: now) }))
        } else {
            for line in JobListText.lines(jobs, format: context.format, now: now) { StandardStreams.out(line) }
        }
    }
}
