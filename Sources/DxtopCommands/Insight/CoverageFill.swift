import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import Insight
import JobComposition

/// How a fill turns gaps into jobs.
enum FillJobs: String, EnumerableFlag {
    /// One job per calendar period of a gap (a three-day gap: three daily jobs).
    case perPeriod
    /// One job over each run of gaps (a three-day gap: one job over the three days).
    case mergeRuns

    static func help(for value: FillJobs) -> ArgumentHelp? {
        switch value {
        case .perPeriod: "With --fill: one job per period of a gap (the default)."
        case .mergeRuns: "With --fill: one job over each run of consecutive gap periods."
        }
    }
}

/// `dxtop coverage --fill`: resubmits the gaps of each listed series with the series' latest
/// configuration and the gap's window (docs/insight.md, "Filling gaps"), asking once per series as
/// `jobs resubmit` asks (`JobSending.confirm`), or listing what would be sent (`--dry-run`). Each
/// job is checked against the server's data dictionary first, as a resubmit is.
struct CoverageFill {
    let jobs: FillJobs
    let dryRun: Bool
    let ask: Bool

    /// The jobs that fill one series' gaps on one server.
    struct Plan {
        let server: InsightHistory.Server
        let summary: SeriesSummary
        let configs: [JobConfig]
    }

    /// The plans of `coverage`'s gaps; a series seen without any configuration cannot be filled (a note).
    func plan(_ server: InsightHistory.Server, _ summary: SeriesSummary, _ coverage: Coverage) -> Plan? {
        guard !coverage.gaps.isEmpty else { return nil }
        guard let latest = server.model.latestConfiguration(server: server.label, key: summary.key) else {
            StandardStreams.note("series \(summary.key.id) of \(TerminalSafe.clean(server.label)) has no configuration to resubmit; its gaps are not filled")
            return nil
        }
        let windows = coverage.gaps.flatMap { jobs == .mergeRuns ? [$0.window] : coverage.periodWindows(of: $0) }
        let configs = windows.map { JobComposer.resubmission(of: latest, window: $0, submittedUserId: server.context.userID) }
        return Plan(server: server, summary: summary, configs: configs)
    }

    /// Sends (or, dry, lists) every plan; writes one row per job; exit status 1 unless every job was sent.
    func run(_ plans: [Plan], writer: InsightWriter, showContext: Bool) throws {
        var records: [InsightRecord] = []
        for plan in plans {
            let outcomes = dryRun ? plan.configs.map { _ in Outcome.wouldSend } : send(plan)
            records += zip(plan.configs, outcomes).map { Self.record($0, $1, plan) }
        }
        var columns = [("SERIES", "series"), ("NAME", "name"), ("FROM", "start"), ("TO", "end"), ("OUTCOME", "outcome"), ("JOB", "jobId")]
        if showContext { columns.insert(("CONTEXT", "context"), at: 0) }
        try writer.write(records, columns: columns)
        let unsent = records.filter { $0["outcome"]?.csv != "sent" }.count
        if !dryRun, unsent > 0 {
            throw CLIError.failure("\(unsent) of \(records.count) fill jobs not sent")
        }
    }

    enum Outcome: Sendable {
        case wouldSend, sent(String), declined, refused(String)

        var word: String {
            switch self {
            case .wouldSend: "would send"
            case .sent: "sent"
            case .declined: "declined"
            case .refused: "not sent"
            }
        }
    }

    /// One session for the plan's series: asked once, then each job checked and submitted.
    private func send(_ plan: Plan) -> [Outcome] {
        let (configs, ask, context) = (plan.configs, ask, plan.server.context)
        let words = ProblemWords(windowTyped: false, sitesTyped: false, nameTyped: false)
        do {
            return try SessionRun.blocking([plan.server.configuration]) { sessions in
                let session = sessions[0]
                _ = try await session.connect()
                if ask, await !JobSending.confirm(configs, format: context.timeFormat, place: context.place) {
                    return configs.map { _ in .declined }
                }
                var outcomes: [Outcome] = []
                for config in configs {
                    do {
                        try await JobsResubmitCommand.check(config, session: session, words: words)
                        outcomes.append(.sent(try await session.submitJob(config)))
                    } catch {
                        outcomes.append(.refused(FailureReport.describe(error)))
                    }
                }
                return outcomes
            }
        } catch {
            let reason = FailureReport.describe(ContextFailure.wrap(error, context))
            return configs.map { _ in .refused(reason) }
        }
    }

    private static func record(_ config: JobConfig, _ outcome: Outcome, _ plan: Plan) -> InsightRecord {
        let window = TimeWindow(of: config)
        var jobId: String?
        var detail: String?
        switch outcome {
        case .sent(let id): jobId = id
        case .refused(let reason): detail = reason
        case .wouldSend, .declined: break
        }
        return InsightRecord(fields: [
            ("context", .text(plan.server.label)), ("series", .text(plan.summary.key.id)), ("class", .text(plan.summary.key.window.word)),
            ("name", .text(config.name)), ("start", .time(window?.start)), ("end", .time(window?.end)),
            ("outcome", .text(outcome.word)), ("jobId", .text(jobId)), ("detail", .text(detail)),
        ])
    }
}
