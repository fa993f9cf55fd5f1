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
        discussion: """
            Ends when every named job has ended, or on Ctrl-C. Progress notes go to stderr. With --exit-status the \
            exit status says how the named jobs ended: 0 all finished, 5 one failed or vanished (the server no longer \
            knows it), 6 one was canceled (none failed).
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Job ids (or unambiguous starts of them) to watch (default: the newest page of jobs).")
    var jobIds: [String] = []

    @Flag(name: .long, help: "Print one JSON object per line (keys in docs/cli.md).")
    var json = false

    @Flag(name: .long, help: "Exit 5 when a named job failed or vanished, 6 when one was canceled (needs job ids).")
    var exitStatus = false

    func validate() throws {
        for id in jobIds { try JobIdArgument.validate(id) }
        if exitStatus, jobIds.isEmpty {
            throw ValidationError("--exit-status needs the job ids to watch: an open-ended watch has no outcome")
        }
    }

    func run() throws {
        let context = try CommandContext(global)
        let printer = StateChangePrinter(json: json, format: context.format)
        let (typed, wantsOutcome) = (jobIds, exitStatus)
        let outcome: JobWatcher.Outcome
        do {
            outcome = try context.withSession { session in
                var named: [String] = []
                for id in typed { named.append(try await JobIdLookup.fullId(id, session: session)) }
                let initial = try await WatchStart.statuses(session: session, named: named)
                let watcher = JobWatcher(session: session, initial: initial, awaited: Set(named), printer: printer)
                return try await watcher.run()
            }
        } catch is Interruption {
            // Ctrl-C is how an open-ended watch ends: status 0, after the logout.
            return
        }
        if wantsOutcome { try WatchOutcome.check(outcome) }
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

/// `--exit-status`: how the named jobs ended, as the exit status (docs/cli.md).
enum WatchOutcome {
    static let failed: Int32 = 5
    static let canceled: Int32 = 6

    /// A job the server no longer knows counts as failed: it did not finish as far as anyone can tell.
    static func check(_ outcome: JobWatcher.Outcome) throws {
        let statuses = outcome.statuses.filter { !outcome.vanished.contains($0.id) }
        let failedIds = statuses.filter { $0.knownState == .failed }.map { TerminalSafe.clean($0.id) }
            + outcome.vanished.map { TerminalSafe.clean($0) + " (vanished)" }
        let canceledIds = statuses.filter { $0.knownState == .canceled }.map { TerminalSafe.clean($0.id) }
        if !failedIds.isEmpty {
            StandardStreams.note("failed: " + failedIds.joined(separator: ", "))
            throw ExitCode(failed)
        }
        if !canceledIds.isEmpty {
            StandardStreams.note("canceled: " + canceledIds.joined(separator: ", "))
            throw ExitCode(canceled)
        }
    }
}
