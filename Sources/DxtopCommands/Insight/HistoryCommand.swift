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
            first, with their elapsed time, ETA and overdue mark). The job id may be any unambiguous start of one, \
            resolved among the jobs read (no extra request). A run the server no longer lists (its history purged) \
            is kept from the history cache with purged true; it cannot be canceled or resubmitted.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The job id, or an unambiguous start of one.")
    var jobId: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var cache: HistoryCacheOptions

    func validate() throws {
        try JobIdArgument.validate(jobId)
    }

    func run() throws {
        let history = try InsightHistory.load(global, cache: cache)
        let (server, key): (InsightHistory.Server, SeriesKey)
        do {
            (server, key) = try Self.series(of: jobId, in: history.servers)
        } catch {
            try? history.finish()
            throw error
        }
        let now = Date()
        let model = server.model
        let pending = model.pendingJobs(now: now).filter { $0.key == key && $0.server == server.label }
        var records = pending.map { InsightRecord.pending($0, context: server.label) }
        records += model.runs(server: server.label, key: key).map { run in
            InsightRecord.run(run, key: key, context: server.label, purged: server.loaded.purged.contains(run.jobId))
        }
        if output.format == .table || output.format == .wide, let summary = model.summary(server: server.label, key: key) {
            let purged = records.filter { $0["purged"]?.csv == "true" }.count
            for line in Self.heading(summary, context: server.label, purged: purged) { StandardStreams.out(line) }
        }
        let columns = [("ID", "id"), ("STATE", "state"), ("NAME", "name"), ("WINDOW", "windowStart"), ("SUBMITTED", "submitTime"),
                       ("QUEUE", "queueSeconds"), ("RUN TIME", "runSeconds"), ("ETA", "eta"), ("OVERDUE", "overdue"), ("ERROR", "errorInfo")]
        try InsightWriter(output: output, format: history.format).write(records, columns: columns)
        try history.finish()
    }

    /// The server and series of the job `typed` (a whole id or an unambiguous start of one), among
    /// the jobs read: no request of its own, so the history is not walked twice.
    static func series(of typed: String, in servers: [InsightHistory.Server]) throws -> (InsightHistory.Server, SeriesKey) {
        var owner: [String: Int] = [:]
        var ids: [String] = []
        for (index, server) in servers.enumerated() {
            for id in server.loaded.jobIds where owner[id] == nil {
                owner[id] = index
                ids.append(id)
            }
        }
        let id = try JobIdLookup.fullId(typed, among: ids) { id in
            "\(TerminalSafe.clean(id)) (\(TerminalSafe.clean(servers[owner[id] ?? 0].label)))"
        }
        let server = servers[owner[id] ?? 0]
        guard let key = server.model.seriesKey(server: server.label, jobId: id) else {
            throw CLIError.failure("job \(TerminalSafe.clean(id)) has no configuration in the history read, so it belongs to no series; 'dxtop jobs show \(TerminalSafe.clean(id))' shows it")
        }
        return (server, key)
    }

    /// The lines above the table: which series, its baseline and streak.
    static func heading(_ summary: SeriesSummary, context: String, purged: Int) -> [String] {
        let b = summary.baseline
        let baseline = b.median.map { median in
            "median \(TimeFormat.duration(median)), MAD \(TimeFormat.duration(b.mad ?? 0)) over the last \(b.runCount) finished runs"
                + (b.queueMedian.map { "; queue wait median \(TimeFormat.duration($0))" } ?? "")
        } ?? "none yet (\(b.runCount) finished runs; \(Baseline.minimumRuns) needed)"
        return [
            "Series \(summary.key.id) (\(summary.key.window.word)) on \(TerminalSafe.clean(context))",
            "  extracts  \(Cell.clean(summary.key.canonical, width: 110))",
            "  runs      \(summary.runs): \(summary.finished) finished, \(summary.failed) failed, \(summary.canceled) canceled; \(summary.pending) not ended",
            "  baseline  \(baseline)",
            "  streak    \(summary.failureStreak) failed or canceled in a row",
        ] + (purged > 0 ? ["  purged    \(purged) runs the server no longer lists, kept from the history cache (not to be acted on)"] : []) + [""]
    }
}
