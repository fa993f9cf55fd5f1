import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import JobQuery
import Synchronization

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

    @Option(name: .customLong("from"), help: ArgumentHelp("Start with the jobs older than this job (id or unambiguous start of it).", valueName: "job-id"))
    var fromJobId: String?

    @Flag(name: .long, help: "Keep fetching older pages until there are no more (each page is written as it arrives).")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Only the jobs read that match, e.g. 'state:failed user:jdoe since:2d' (docs/cli.md, \"Field filters\").", valueName: "filter"))
    var filter: String?

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let fromJobId { try JobIdArgument.validate(fromJobId, as: "--from") }
        _ = try FilterOption.query([("--filter", filter)])
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
            try stream(ready[0], of: contexts[0], into: writer)
        } else {
            try merge(contexts, passwords: passwords, ready: ready, into: writer)
        }
    }

    /// One server: each page is written as it arrives. Nothing is written before the first page
    /// has been read; a failure after that leaves what was written well-formed (the JSON array is
    /// closed) and says how many jobs it holds.
    private func stream(_ configuration: ICWSClientConfiguration, of context: ResolvedContext, into writer: JobListWriter) throws {
        let (count, from, all) = (pageSize, fromJobId, all)
        let query = try FilterOption.query([("--filter", filter)]), now = Date()
        let written = Mutex<Int?>(nil)
        do {
            try SessionRun.blocking([configuration]) { sessions in
                var writer = writer
                do {
                    _ = try await sessions[0].connect()
                    let id = try await JobIdLookup.fullId(ifGiven: from, session: sessions[0])
                    try await JobPageWalk.walk(session: sessions[0], count: count, from: id, all: all) { page in
                        let kept = page.filter { query.matches($0, context: context.name, now: now) }
                        try writer.write(kept.map { ListedJob(context: nil, status: $0) })
                        written.withLock { $0 = writer.written }
                    }
                    try writer.finish()
                } catch {
                    if writer.hasStarted { try? writer.finish() }
                    throw error
                }
            }
        } catch let error where !(error is StandardOutputClosed) {
            let explained = ContextFailure.wrap(error, context)
            guard let count = written.withLock({ $0 }) else { throw explained }
            throw PartialOutput(cause: explained, written: count)
        }
    }

    /// Several servers: every listing is fetched (concurrently), then merged newest first; a
    /// context that fails is reported and the others are still listed.
    private func merge(_ contexts: [ResolvedContext], passwords: [Result<String, any Error>],
                       ready: [ICWSClientConfiguration], into writer: JobListWriter) throws {
        let (count, from, all) = (pageSize, fromJobId, all)
        let query = try FilterOption.query([("--filter", filter)]), now = Date()
        var fetched = try SessionRun.blocking(ready) { sessions in
            try await JobListing.fetch(sessions) { session in
                let id = try await JobIdLookup.fullId(ifGiven: from, session: session)
                return try await JobPageWalk.fetch(session: session, count: count, from: id, all: all)
            }
        }[...]
        let outcomes = passwords.map { password -> Result<[JobStatus], any Error> in
            if case .failure(let error) = password { return .failure(error) }
            return fetched.popFirst() ?? .failure(CancellationError())
        }
        var jobs: [(context: Int, job: ListedJob)] = []
        var failed = false
        for (index, (context, outcome)) in zip(contexts, outcomes).enumerated() {
            switch outcome {
            case .success(let statuses):
                jobs += statuses.filter { query.matches($0, context: context.name, now: now) }
                    .map { (index, ListedJob(context: context.label, status: $0)) }
            case .failure(let error):
                failed = true
                let message = OneLine.safe(FailureReport.describe(ContextFailure.wrap(error, context)))
                let prefix = "context '\(ConfigFile.visible(context.label))': "
                StandardStreams.note(message.hasPrefix(prefix) ? message : prefix + message)
            }
        }
        // Every context failed: nothing was read, so nothing is written (no empty list).
        guard outcomes.contains(where: { (try? $0.get()) != nil }) else { throw ExitCode(ExitStatus.failure.rawValue) }
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

    /// In `ListingOrder` (the dashboard's order too), each job with its context's position; one
    /// context's jobs of one submission time keep the given (server's) order.
    static func newestFirst(_ jobs: [(context: Int, job: ListedJob)]) -> [ListedJob] {
        jobs.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if ListingOrder.precedes(x.job.status.submitTime, context: x.context, y.job.status.submitTime, context: y.context) { return true }
            if ListingOrder.precedes(y.job.status.submitTime, context: y.context, x.job.status.submitTime, context: x.context) { return false }
            return a.offset < b.offset
        }.map(\.element.job)
    }
}
