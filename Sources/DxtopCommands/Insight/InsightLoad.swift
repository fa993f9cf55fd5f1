import ArgumentParser
import DisplayText
import Foundation
import HistoryCache
import ICWSClient
import ICWSWire
import Insight

/// The history the insight commands read: every job of each chosen context with its
/// configuration, filed into one insight model per context, through the history cache unless
/// --no-cache (`HistoryRead`, over `HistorySync`, gives the cost to the server). Contexts are read concurrently; one
/// that fails is reported in one line and the others are used (exit status 1 at the end); when
/// none could be read, nothing is written and the status is 1.
struct InsightHistory {
    struct Server {
        let context: ResolvedContext
        let loaded: HistoryRead.Loaded
        /// How to log in to it again (a fill sends its jobs in a session of its own).
        let configuration: ICWSClientConfiguration
        var model: InsightModel { loaded.model }
        var label: String { context.label }
    }

    let servers: [Server]
    let failed: Bool
    let format: TimeFormat

    /// Reads the contexts that `global` names (one, several with --context, or --all-contexts).
    /// With `refusing`, a read-only context is refused first (`ContextLogins`).
    static func load(_ global: GlobalOptions, cache: HistoryCacheOptions, refusing action: String? = nil) throws -> InsightHistory {
        let (contexts, passwords, logger) = try ContextLogins(global, refusing: action).parts
        var ready: [ICWSClientConfiguration] = []
        var readyContexts: [ResolvedContext] = []
        for (context, password) in zip(contexts, passwords) {
            guard let password = try? password.get() else { continue }
            ready.append(context.configuration(password: password, logger: logger))
            readyContexts.append(context)
        }
        let zones = readyContexts.map { ($0.label, $0.timeFormat.timeZone) }
        let caches = readyContexts.map { cache.open(for: $0) }
        let outcomes = try SessionRun.blocking(ready) { sessions in
            try await JobListing.fetch(sessions) { session in
                let index = sessions.firstIndex { $0 === session } ?? 0
                let (label, zone) = zones[index]
                return try await HistoryRead(session: session, label: label, timeZone: zone).read(cache: caches[index])
            }
        }
        var servers: [Server] = []
        var failed = false
        var outcome = outcomes[...]
        var configurations = ready[...]
        for (context, password) in zip(contexts, passwords) {
            let result: Result<HistoryRead.Loaded, any Error>
            var configuration: ICWSClientConfiguration?
            if case .failure(let error) = password {
                result = .failure(error)
            } else {
                result = outcome.popFirst() ?? .failure(CancellationError())
                configuration = configurations.popFirst()
            }
            switch (result, configuration) {
            case (.success(let loaded), let configuration?):
                servers.append(Server(context: context, loaded: loaded, configuration: configuration))
            case (.success, nil): continue
            case (.failure(let error), _):
                let error = ContextFailure.wrap(error, context)
                if contexts.count == 1 { throw error }
                failed = true
                StandardStreams.note(ContextFailure.note(error, context))
            }
        }
        // No context read: nothing to list, and an empty listing would look like one (as jobs list).
        guard !servers.isEmpty || !failed else { throw ExitCode(ExitStatus.failure.rawValue) }
        return InsightHistory(servers: servers, failed: failed, format: contexts[0].timeFormat)
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
