import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire

/// `dxtop jobs watch [JOB_ID...]`: one line per state change, from the server's message stream,
/// until every named job has ended or until Ctrl-C (both exit 0 after logging out).
struct JobsWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print a line for each state change of the named jobs (or of the newest page) as it happens.",
        discussion: "Ends when every named job has ended, or on Ctrl-C. Progress notes go to stderr.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Job ids to watch (default: the newest page of jobs).")
    var jobIds: [String] = []

    @Flag(name: .long, help: "Print one JSON object per line (keys in docs/cli.md).")
    var json = false

    func validate() throws {
        for id in jobIds { try JobIdArgument.validate(id) }
    }

    func run() throws {
        let context = try CommandContext(global)
        let printer = StateChangePrinter(json: json, format: context.format)
        let named = jobIds
        do {
            try context.withSession { session in
                let initial = try await WatchStart.statuses(session: session, named: named)
                let watcher = JobWatcher(session: session, initial: initial, awaited: Set(named), printer: printer)
                try await watcher.run()
            }
        } catch is Interruption {
            // Ctrl-C is how an open-ended watch ends: status 0, after the logout.
        }
    }
}

/// The statuses a watch starts from: the named jobs, or the newest page.
enum WatchStart {
    static func statuses(session: ICWSSession, named: [String]) async throws -> [JobStatus] {
        guard !named.isEmpty else {
            return try await session.listJobs(count: ICWSProtocol.defaultJobCount, fromJobId: nil, mode: .status)
                .compactMap(\.jobStatus)
        }
        var statuses: [JobStatus] = []
        for id in named {
            guard let status = try await session.job(id: id, mode: .status).jobStatus else {
                throw CLIError.failure("the server sent no status for job \(TerminalSafe.clean(id))")
            }
            statuses.append(status)
        }
        return statuses
    }
}
