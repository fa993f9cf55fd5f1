import Foundation
import Insight

/// `jobs list --overdue` and `jobs list --failing`: the jobs that need a look, read through the
/// insight model (docs/insight.md): running jobs past their series' overdue rule, and the last job
/// of each failing series (its newest ended run failed or was canceled). Both flags list both
/// kinds, newest submitted first, with the series, its baseline and its failure streak.
struct AttentionJobs {
    let overdue: Bool
    let failing: Bool

    func run(_ global: GlobalOptions, output: OutputOptions, cache: HistoryCacheOptions) throws {
        let history = try InsightHistory.load(global, cache: cache)
        let rows = history.servers.flatMap { rowsOf($0, now: Date()) }
            .sorted { ($1.submitted, $0.context, $0.id) < ($0.submitted, $1.context, $1.id) }
        var columns = [("WHY", "reason"), ("ID", "id"), ("STATE", "state"), ("NAME", "name"), ("SERIES", "series"),
                       ("SUBMITTED", "submitTime"), ("RUN TIME", "runSeconds"), ("MEDIAN", "medianRunSeconds"), ("ETA", "eta"),
                       ("STREAK", "failureStreak"), ("ERROR", "errorInfo")]
        if history.showContext { columns.insert(("CONTEXT", "context"), at: 0) }
        try InsightWriter(output: output, format: history.format).write(rows.map(\.record), columns: columns)
        try history.finish()
    }

    private struct Row {
        let submitted: Date
        let context: String
        let id: String
        let record: InsightRecord
    }

    private func rowsOf(_ server: InsightHistory.Server, now: Date) -> [Row] {
        let model = server.model
        var rows: [Row] = []
        if overdue {
            for job in model.pendingJobs(now: now) where job.progress.overdue {
                guard let summary = model.summary(server: job.server, key: job.key) else { continue }
                rows.append(Row(submitted: job.job.submitted ?? .distantPast, context: server.label, id: job.job.jobId,
                                record: Self.extended(.pending(job, context: server.label), reason: "overdue", summary)))
            }
        }
        if failing {
            for summary in model.summaries() where summary.isFailing {
                guard let run = summary.lastRun else { continue }
                let record = InsightRecord.run(run, key: summary.key, context: server.label, purged: server.loaded.purged.contains(run.jobId))
                rows.append(Row(submitted: run.submitted ?? run.ended, context: server.label, id: run.jobId,
                                record: Self.extended(record, reason: "failing", summary)))
            }
        }
        return rows
    }

    /// The job's row with why it is listed, and its series' class, baseline and streak.
    private static func extended(_ record: InsightRecord, reason: String, _ summary: SeriesSummary) -> InsightRecord {
        var fields = record.fields
        fields.insert(("reason", .text(reason)), at: 1)
        fields += [("class", .text(summary.key.window.word)), ("medianRunSeconds", .duration(summary.baseline.median)),
                   ("madRunSeconds", .duration(summary.baseline.mad)), ("failureStreak", .int(summary.failureStreak))]
        return InsightRecord(fields: fields)
    }
}
