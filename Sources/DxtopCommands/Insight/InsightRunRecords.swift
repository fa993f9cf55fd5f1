import Foundation
import Insight

/// The row of one job of a series, as `history` and `jobs list --overdue/--failing` write it.
extension InsightRecord {
    /// A job not ended, with its elapsed time, ETA and overdue mark.
    static func pending(_ job: PendingJob, context: String) -> InsightRecord {
        InsightRecord(fields: [
            ("context", .text(context)), ("series", .text(job.key.id)), ("id", .text(job.job.jobId)), ("name", .text(job.job.name)),
            ("state", .text(job.job.state.word)), ("submitTime", .time(job.job.submitted)), ("startedTime", .time(job.job.started)),
            ("endTime", .time(nil)), ("windowStart", .time(job.job.window?.start)), ("windowEnd", .time(job.job.window?.end)),
            ("queueSeconds", .duration(nil)), ("runSeconds", .duration(job.progress.elapsed)),
            ("eta", .time(job.progress.eta)), ("overdue", .flag(job.progress.overdue)), ("errorInfo", .text(nil)),
            ("purged", .flag(false)),
        ])
    }

    /// An ended run.
    static func run(_ run: Run, key: SeriesKey, context: String, purged: Bool) -> InsightRecord {
        InsightRecord(fields: [
            ("context", .text(context)), ("series", .text(key.id)), ("id", .text(run.jobId)), ("name", .text(run.name)),
            ("state", .text(run.outcome.rawValue)), ("submitTime", .time(run.submitted)), ("startedTime", .time(run.started)),
            ("endTime", .time(run.ended)), ("windowStart", .time(run.window?.start)), ("windowEnd", .time(run.window?.end)),
            ("queueSeconds", .duration(run.queueWait)), ("runSeconds", .duration(run.runTime)),
            ("eta", .time(nil)), ("overdue", .flag(false)), ("errorInfo", .text(run.errorInfo)),
            ("purged", .flag(purged)),
        ])
    }
}
