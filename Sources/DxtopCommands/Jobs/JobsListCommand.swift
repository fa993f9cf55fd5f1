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
            until the end. With several contexts (--context A --context B, or --all-contexts) the lists are merged \
            with a CONTEXT column; a context that fails is reported in one line and the others are still listed \
            (exit status 1 at the end).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Jobs per page (default 30).", valueName: "n"))
    var count = ICWSProtocol.defaultJobCount

    @Option(name: .customLong("from"), help: ArgumentHelp("Start with the jobs older than this job id.", valueName: "job-id"))
    var fromJobId: String?

    @Flag(name: .long, help: "Keep fetching older pages until there are no more.")
    var all = false

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
        if let fromJobId { try JobIdArgument.validate(fromJobId, as: "--from") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let contexts = try ContextResolver(global, environment: environment).resolve(all: global.allContexts)
        let logger = try LoggingSetup.logger(logFile: global.logFile)
        contexts.forEach(CommandContext.warnIfInsecure)
        let passwords = PasswordSource.passwords(for: contexts, environment: environment)
        if contexts.count == 1, case .failure(let error) = passwords[0] { throw error }
        let ready = zip(contexts, passwords).compactMap { context, password in
            try? context.configuration(password: password.get(), logger: logger)
        }
        let (count, from, all) = (count, fromJobId, all)
        var fetched = try SessionRun.blocking(ready) { sessions in
            try await JobListing.fetch(sessions) { session in
                try await JobPageWalk.fetch(session: session, count: count, from: from, all: all)
            }
        }[...]
        let outcomes = passwords.map { password -> Result<[JobStatus], any Error> in
            if case .failure(let error) = password { return .failure(error) }
            return fetched.popFirst() ?? .failure(CancellationError())
        }
        let spansContexts = contexts.count > 1
        var jobs: [ListedJob] = []
        var failed = false
        for (context, outcome) in zip(contexts, outcomes) {
            switch outcome {
            case .success(let statuses):
                jobs += statuses.map { ListedJob(context: spansContexts ? context.label : nil, status: $0) }
            case .failure(let error):
                guard spansContexts else { throw error }
                failed = true
                let message = OneLine.safe(FailureReport.describe(error))
                let prefix = "context '\(ConfigFile.visible(context.label))': "
                StandardStreams.note(message.hasPrefix(prefix) ? message : prefix + message)
            }
        }
        if spansContexts { jobs = JobListing.newestFirst(jobs) }
        try print(jobs, spansContexts: spansContexts, format: contexts[0].timeFormat)
        if failed { throw ExitCode(ExitStatus.failure.rawValue) }
    }

    private func print(_ jobs: [ListedJob], spansContexts: Bool, format: TimeFormat) throws {
        let now = Date()
        let statuses = jobs.map { JSONOutput.Status(status: $0.status, now: now, context: $0.context) }
        let lines: [String]
        switch output.format {
        case .json: lines = [try SafeJSON.pretty(statuses)]
        case .jsonl: lines = try statuses.map(SafeJSON.line)
        case .csv: lines = try JobCSV.lines(jobs, showContext: spansContexts, headers: !output.noHeaders, now: now)
        case .table, .wide:
            let text = JobListText(showContext: spansContexts, wide: output.format == .wide, headers: !output.noHeaders,
                                   clip: StandardStreams.outputIsTerminal, format: format, now: now)
            lines = text.lines(jobs)
        }
        for line in lines { StandardStreams.out(line) }
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
