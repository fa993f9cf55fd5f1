import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import Insight

/// The history the insight commands read: every job of each chosen context with its
/// configuration (GET jobs?jobsResponseMode=all, 1000 jobs a request, newest first, one page read
/// ahead), filed page by page into one insight model per context, so no page is kept. The cost to
/// the server is the whole history: ⌈jobs / 1000⌉ + 1 requests (100,000 jobs: 101 requests, about
/// 40 MB of JSON with configurations). Contexts are read concurrently; one that fails is reported
/// in one line and the others are used (exit status 1 at the end).
struct InsightHistory {
    struct Server {
        let context: ResolvedContext
        let model: InsightModel
        var label: String { context.label }
    }

    let servers: [Server]
    let failed: Bool
    let format: TimeFormat

    /// Reads the contexts that `global` names (one, several with --context, or --all-contexts).
    static func load(_ global: GlobalOptions) throws -> InsightHistory {
        let (contexts, passwords, logger) = try ContextLogins(global).parts
        var ready: [ICWSClientConfiguration] = []
        var readyContexts: [ResolvedContext] = []
        for (context, password) in zip(contexts, passwords) {
            guard let password = try? password.get() else { continue }
            ready.append(context.configuration(password: password, logger: logger))
            readyContexts.append(context)
        }
        let zones = readyContexts.map { ($0.label, $0.timeFormat.timeZone) }
        let outcomes = try SessionRun.blocking(ready) { sessions in
            try await JobListing.fetch(sessions) { session in
                let (label, zone) = zones[sessions.firstIndex { $0 === session } ?? 0]
                return try await read(session, label: label, timeZone: zone)
            }
        }
        var servers: [Server] = []
        var failed = false
        var outcome = outcomes[...]
        for (context, password) in zip(contexts, passwords) {
            let result: Result<InsightModel, any Error>
            if case .failure(let error) = password { result = .failure(error) } else { result = outcome.popFirst() ?? .failure(CancellationError()) }
            switch result {
            case .success(let model): servers.append(Server(context: context, model: model))
            case .failure(let error):
                if contexts.count == 1 { throw error }
                failed = true
                let message = OneLine.safe(FailureReport.describe(error))
                let prefix = "context '\(ConfigFile.visible(context.label))': "
                StandardStreams.note(message.hasPrefix(prefix) ? message : prefix + message)
            }
        }
        return InsightHistory(servers: servers, failed: failed, format: contexts[0].timeFormat)
    }

    /// Every page of one server, newest first, filed as it arrives.
    private static func read(_ session: ICWSSession, label: String, timeZone: TimeZone) async throws -> InsightModel {
        var model = InsightModel(timeZone: timeZone)
        for try await page in session.allJobs(pageSize: JobPageWalk.allPageSize, mode: .all) {
            for warning in page.warnings { StandardStreams.note("warning: " + OneLine.safe(warning)) }
            model.record(contentsOf: page.jobs.compactMap { job in
                job.jobStatus.map { (server: label, status: $0, config: job.jobConfig) }
            })
        }
        return model
    }

    /// Exit status 1 when a context could not be read (after the output is written).
    func finish() throws {
        if failed { throw ExitCode(ExitStatus.failure.rawValue) }
    }

    /// The order series are listed in: by name (the newest run's), then class and key.
    static func byName(_ a: SeriesSummary, _ b: SeriesSummary) -> Bool {
        (a.name, a.key.window, a.key.id) < (b.name, b.key.window, b.key.id)
    }

    /// Whether the listing needs a CONTEXT column.
    var showContext: Bool { servers.count > 1 || failed }
}
