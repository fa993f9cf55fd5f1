import ArgumentParser
import DisplayText
import Foundation
import Insight

/// `dxtop history JOB_ID`: the runs of that job's series, newest first, and its baseline.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the runs of a job's series, newest first, with the series' baseline.",
        discussion: """
            Reads every job of the context with its configuration (about one request per 1000 jobs). The table is \
            preceded by the series and its baseline; json, jsonl and csv hold one object per run (jobs not ended \
            first, with their elapsed time, ETA and overdue mark). Give the whole job id.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job id.")
    var jobId: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try JobIdArgument.validate(jobId)
    }

    func run() throws {
        let history = try InsightHistory.load(global)
        let jobId = jobId.trimmingCharacters(in: .whitespaces)
        guard let (server, key) = history.servers.lazy.compactMap({ server in
            server.model.seriesKey(server: server.label, jobId: jobId).map { (server, $0) }
        }).first else {
            try? history.finish()
            throw CLIError.failure("job \(OneLine.safe(jobId)) is not in the history read (or has no configuration); give its whole id, as 'dxtop jobs list' shows it with -o wide")
        }
        let now = Date()
        let model = server.model
        let pending = model.pendingJobs(now: now).filter { $0.key == key && $0.server == server.label }
        var records = pending.map { job in
            InsightRecord(fields: [
                ("context", .text(server.label)), ("series", .text(key.id)), ("id", .text(job.job.jobId)), ("name", .text(job.job.name)),
                ("state", .text(job.job.state.word)), ("submitTime", .time(job.job.submitted)), ("startedTime", .time(job.job.started)),
                ("endTime", .time(nil)), ("windowStart", .time(nil)), ("windowEnd", .time(nil)),
                ("queueSeconds", .duration(nil)), ("runSeconds", .duration(job.progress.elapsed)),
                ("eta", .time(job.progress.eta)), ("overdue", .flag(job.progress.overdue)), ("errorInfo", .text(nil)),
            ])
        }
        records += model.runs(server: server.label, key: key).map { run in
            InsightRecord(fields: [
                ("context", .text(server.label)), ("series", .text(key.id)), ("id", .text(run.jobId)), ("name", .text(run.name)),
                ("state", .text(run.outcome.rawValue)), ("submitTime", .time(run.submitted)), ("startedTime", .time(run.started)),
                ("endTime", .time(run.ended)), ("windowStart", .time(run.window?.start)), ("windowEnd", .time(run.window?.end)),
                ("queueSeconds", .duration(run.queueWait)), ("runSeconds", .duration(run.runTime)),
                ("eta", .time(nil)), ("overdue", .flag(false)), ("errorInfo", .text(run.errorInfo)),
            ])
        }
        if output.format == .table || output.format == .wide, let summary = model.summary(server: server.label, key: key) {
            for line in Self.heading(summary, context: server.label, format: history.format) { StandardStreams.out(line) }
        }
        let columns = [("ID", "id"), ("STATE", "state"), ("NAME", "name"), ("WINDOW", "windowStart"), ("SUBMITTED", "submitTime"),
                       ("QUEUE", "queueSeconds"), ("RUN TIME", "runSeconds"), ("ETA", "eta"), ("ERROR", "errorInfo")]
        try InsightWriter(output: output, format: history.format).write(records, columns: columns)
        try history.finish()
    }

    /// The lines above the table: which series, its baseline and streak.
    static func heading(_ summary: SeriesSummary, context: String, format: TimeFormat) -> [String] {
        let b = summary.baseline
        let baseline = b.median.map { median in
            "median \(TimeFormat.duration(median)), MAD \(TimeFormat.duration(b.mad ?? 0)) over the last \(b.runCount) finished runs"
                + (b.queueMedian.map { "; queue wait median \(TimeFormat.duration($0))" } ?? "")
        } ?? "none yet (\(b.runCount) finished runs; \(Baseline.minimumRuns) needed)"
        return [
            "Series \(summary.key.id) (\(summary.key.window.word)) on \(TerminalSafe.clean(context))",
            "  extracts  \(TerminalSafe.clean(summary.key.canonical))",
            "  runs      \(summary.runs): \(summary.finished) finished, \(summary.failed) failed, \(summary.canceled) canceled; \(summary.pending) not ended",
            "  baseline  \(baseline)",
            "  streak    \(summary.failureStreak) failed or canceled in a row",
            "",
        ]
    }
}
