import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import Logging

/// A bulk action (`jobs cancel` of several jobs, `jobs resubmit --failed-since`) over one or more
/// contexts: find the jobs on every server at once, leave out those of read-only contexts (and,
/// for a cancel, those already ended), show the plan (`--dry-run` stops there), ask on a terminal
/// unless `--yes`, then send each job's request to its own server, one at a time per server.
/// Every job gets a result line; the exit status says whether all went through (docs/cli.md).
struct BulkRun: Sendable {
    /// What the action is called in the plan and the results: "cancel", "resubmit".
    let verb: String
    let selection: BulkSelection
    /// Ended jobs are left out (a cancel); a resubmit takes them.
    let skipsEnded: Bool
    let dryRun: Bool
    let ask: Bool
    /// Sends the action for one job; returns what the result line adds ("as 3f2b…" for a resubmit).
    let send: @Sendable (ICWSSession, ResolvedContext, JobStatus) async throws -> String?

    func run(_ global: GlobalOptions) throws {
        let environment = ProcessInfo.processInfo.environment
        let contexts = try ContextResolver(global, environment: environment).resolve(all: global.allContexts)
        // Nothing could be sent: refuse as the one-job commands do, before any password.
        if contexts.allSatisfy(\.readOnly) { try contexts[0].refuseIfReadOnly(verb) }
        let logins = try ContextLogins(contexts: contexts, environment: environment, logFile: global.logFile)
        var report = BulkReport(verb: verb, contexts: contexts)
        for (context, password) in zip(contexts, logins.passwords) {
            if case .failure(let error) = password { report.contextFailed(context, error) }
        }
        let ready = zip(contexts.indices, logins.passwords).compactMap { index, password in
            (try? password.get()).map { (index, contexts[index].configuration(password: $0, logger: logins.logger)) }
        }
        let reportBox = BulkReportBox(report)
        try SessionRun.blocking(ready.map(\.1)) { sessions in
            try await work(Array(zip(ready.map(\.0), sessions)), contexts: contexts, report: reportBox)
        }
        try reportBox.value.finish(dryRun: dryRun)
    }

    private func work(_ sessions: [(context: Int, session: ICWSSession)], contexts: [ResolvedContext],
                      report: BulkReportBox) async throws {
        let now = Date()
        let selection = selection
        let found = try await Self.concurrently(sessions) { context, session in
            _ = try await session.connect()
            return try await selection.find(in: session, context: contexts[context].name, now: now)
        }
        var inContexts: [(context: Int, name: String?, BulkSelection.InContext)] = []
        for (context, outcome) in found {
            switch outcome {
            case .success(let inContext): inContexts.append((context, contexts[context].name, inContext))
            case .failure(let error): report.update { $0.contextFailed(contexts[context], error) }
            }
        }
        let (jobs, missing) = selection.combine(inContexts)
        report.update { $0.notFound(missing) }
        var toSend: [BulkSelection.Found] = []
        for job in jobs {
            if contexts[job.context].readOnly {
                report.update { $0.skippedReadOnly(job) }
            } else if skipsEnded, job.status.knownState.hasEnded {
                report.update { $0.alreadyEnded(job) }
            } else {
                toSend.append(job)
            }
        }
        if dryRun {
            for job in toSend { report.update { $0.wouldSend(job) } }
            return
        }
        guard !toSend.isEmpty else { return }
        if ask {
            let lines = toSend.map { "  \(report.value.describe($0, state: true))" }
            guard await TerminalInput.confirm((lines + [report.value.question(toSend)]).joined(separator: "\n")) else {
                report.update { $0.declined(toSend.count) }
                return
            }
        }
        let byContext = Dictionary(grouping: toSend, by: \.context)
        let send = send
        _ = try await Self.concurrently(sessions.filter { byContext[$0.context] != nil }) { context, session in
            for job in byContext[context] ?? [] {
                try Task.checkCancellation()
                do {
                    let detail = try await send(session, contexts[context], job.status)
                    report.update { $0.sent(job, detail: detail) }
                } catch let error as CancellationError {
                    throw error
                } catch {
                    report.update { $0.failed(job, error) }
                }
            }
        }
    }

    /// Runs `body` for each (context, session) at once; one outcome per pair, in order.
    static func concurrently<T: Sendable>(_ pairs: [(context: Int, session: ICWSSession)],
                                          _ body: @escaping @Sendable (Int, ICWSSession) async throws -> T) async throws
        -> [(Int, Result<T, any Error>)] {
        try await withThrowingTaskGroup(of: (Int, Result<T, any Error>).self) { group in
            for (context, session) in pairs {
                group.addTask {
                    do { return (context, .success(try await body(context, session))) } catch { return (context, .failure(error)) }
                }
            }
            var outcomes: [(Int, Result<T, any Error>)] = []
            for try await outcome in group { outcomes.append(outcome) }
            try Task.checkCancellation()
            return outcomes.sorted { $0.0 < $1.0 }
        }
    }
}
