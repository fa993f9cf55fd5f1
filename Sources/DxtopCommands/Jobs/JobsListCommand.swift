import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire

/// `dxtop jobs list`: the newest jobs (or those before `--from`) of one server, or of several
/// contexts merged newest first; as a table, JSON, JSON lines or CSV.
struct JobsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List jobs, newest first.",
        discussion: """
            Columns: id, state, name, submitted by, submitted, duration (-o wide adds more). --all walks older pages \
            until the end, 1000 jobs a request unless --count says otherwise, writing each page as it arrives (the \
            table takes its column widths from the first page). With several contexts (--context A --context B, or --all-contexts) the lists are merged \
            with a CONTEXT column; a context that fails is reported in one line and the others are still listed \
            (exit status 1 at the end).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Jobs per page (default 30; 1000 with --all).", valueName: "n"))
    var count: Int?

    @Option(name: .customLong("from"), help: ArgumentHelp("Start with the jobs older than this job id.", valueName: "job-id"))
    var fromJobId: String?

    @Flag(name: .long, help: "Keep fetching older pages until there are no more (each page is written as it arrives).")
    var all = false

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let fromJobId { try JobIdArgument.validate(fromJobId, as: "--from") }
    }

    /// Jobs per request: `--count`, else the server's default page, or large pages for `--all`.
    var pageSize: Int { count ?? (all ? JobPageWalk.allPageSize : ICWSProtocol.defaultJobCount) }

    func run() throws {
        let (contexts, passwords, logger) = try ContextLogins(global).parts
        let ready = zip(contexts, passwords).compactMap { context, password in
            try? context.configuration(password: password.get(), logger: logger)
        }
        let writer = JobListWriter(format: output.format, showContext: contexts.count > 1, headers: !output.noHeaders,
                                   timeFormat: contexts[0].timeFormat, now: Date())
        if contexts.count == 1 {
            try stream(ready[0], into: writer)
        } else {
            try merge(contexts, passwords: passwords, ready: ready, into: writer)
        }
    }

    /// One server: each page is written as it arrives.
    private func stream(_ configuration: ICWSClientConfiguration, into writer: JobListWriter) throws {
        let (count, from, all) = (pageSize, fromJobId, all)
        let outcome = try SessionRun.blocking([configuration]) { sessions in
            var writer = writer
            do {
                _ = try await sessions[0].connect()
                try await JobPageWalk.walk(session: sessions[0], count: count, from: from, all: all) { page in
                    try writer.write(page.map { ListedJob(context: nil, status: $0) })
                }
                try writer.finish()
                return Result<Void, any Error>.success(())
            } catch {
                // What was written stays a complete document (a JSON array is closed).
                try? writer.finish()
                return .failure(error)
            }
        }
        try outcome.get()
    }

    /// Several servers: every listing is fetched (concurrently), then merged newest first; a
    /// context that fails is reported and the others are still listed.
    private func merge(_ contexts: [ResolvedContext], passwords: [Result<String, any Error>],
                       ready: [ICWSClientConfiguration], into writer: JobListWriter) throws {
        let (count, from, all) = (pageSize, fromJobId, all)
        var fetched = try SessionRun.blocking(ready) { sessions in
            try await JobListing.fetch(sessions) { session in
                try await JobPageWalk.fetch(session: session, count: count, from: from, all: all)
            }
        }[...]
        let outcomes = passwords.map { password -> Result<[JobStatus], any Error> in
            if case .failure(let error) = password { return .failure(error) }
            return fetched.popFirst() ?? .failure(CancellationError())
        }
        var jobs: [ListedJob] = []
        var failed = false
        for (context, outcome) in zip(contexts, outcomes) {
            switch outcome {
            case .success(let statuses):
                jobs += statuses.map { ListedJob(context: context.label, status: $0) }
            case .failure(let error):
                failed = true
                let message = OneLine.safe(FailureReport.describe(error))
                let prefix = "context '\(ConfigFile.visible(context.label))': "
                StandardStreams.note(message.hasPrefix(prefix) ? message : prefix + message)
            }
        }
        var writer = writer
        try writer.write(JobListing.newestFirst(jobs))
        try writer.finish()
        if failed { throw ExitCode(ExitStatus.failure.rawValue) }
    }
}

/// Fetching from several servers at once, and merging what they returned.
enum JobListing {
    /// Connects each session and runs `fetch` on it, all concurrently; one outcome per session, in order.
    static func fetch<T: Sendable>(_ sessions: [ICWSSession],
                                   _ fetch: @escaping @Sendable (ICWSSession) async throws -> T) async throws -> [Result<T, any Error>] {
        try await withThrowingTaskGroup(of: (Int, Result<T, any Error>).self) { group in
            for (index, session) in sessions.enumerated() {
                group.addTask {
                    do {
                        _ = try await session.connect()
                        return (index, .success(try await fetch(session)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var outcomes = [Result<T, any Error>?](repeating: nil, count: sessions.count)
            for try await (index, outcome) in group { outcomes[index] = outcome }
            try Task.checkCancellation()
            return outcomes.map { $0 ?? .failure(CancellationError()) }
        }
    }

    /// Newest submission first; jobs without a submission time last; otherwise the given order.
    static func newestFirst(_ jobs: [ListedJob]) -> [ListedJob] {
        jobs.enumerated().sorted { a, b in
            switch (a.element.status.submitTime, b.element.status.submitTime) {
            case let (x?, y?) where x != y: x > y
            case (.some, nil): true
            case (nil, .some): false
            default: a.offset < b.offset
            }
        }.map(\.element)
    }
}
