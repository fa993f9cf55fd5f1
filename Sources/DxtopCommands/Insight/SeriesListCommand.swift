import ArgumentParser
import Foundation
import Insight

/// `dxtop series`: the series of jobs that extract the same thing (docs/insight.md).
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series", abstract: "Series of jobs that extract the same thing.",
        subcommands: [SeriesListCommand.self])
}

/// `dxtop series list`: each series with its runs, baseline, last success, streak and gaps.
struct SeriesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List each series with its runs, baseline, last success, failure streak and coverage gaps.",
        discussion: """
            Reads every job of the context with its configuration (about one request per 1000 jobs). A series is one \
            extract (datasets, columns, sites, window class) on one server; SERIES is its key for --series. MEDIAN and \
            MAD are of the run time of the last 20 finished runs (none before 5). GAPS counts the stretches inside the \
            series' span, up to one period before now, that no finished job extracted.
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var cache: HistoryCacheOptions

    func run() throws {
        let history = try InsightHistory.load(global, cache: cache)
        let now = Date()
        var records: [InsightRecord] = []
        for server in history.servers {
            for summary in server.model.summaries().sorted(by: InsightHistory.byName) {
                let coverage = server.model.coverage(server: server.label, key: summary.key, now: now)
                records.append(Self.record(summary, context: server.label, coverage: coverage))
            }
        }
        var columns = [("SERIES", "series"), ("CLASS", "class"), ("NAME", "name"), ("RUNS", "runs"), ("FAILED", "failed"),
                       ("RUNNING", "running"), ("MEDIAN", "medianRunSeconds"), ("MAD", "madRunSeconds"),
                       ("QUEUE", "medianQueueSeconds"), ("LAST SUCCESS", "lastSuccess"), ("STREAK", "failureStreak"), ("GAPS", "gaps")]
        if history.showContext { columns.insert(("CONTEXT", "context"), at: 0) }
        try InsightWriter(output: output, format: history.format).write(records, columns: columns)
        try history.finish()
    }

    static func record(_ summary: SeriesSummary, context: String, coverage: Coverage?) -> InsightRecord {
        let dataSets = summary.key.content.dataSets.map { "\($0.isView ? "view " : "")\($0.name)(\($0.columns.count))" }
        return InsightRecord(fields: [
            ("context", .text(context)), ("series", .text(summary.key.id)), ("class", .text(summary.key.window.word)),
            ("name", .text(summary.name)), ("dataSets", .text(dataSets.joined(separator: " "))),
            ("sites", .text(summary.key.content.sites.isEmpty ? "*" : summary.key.content.sites.joined(separator: ","))),
            ("runs", .int(summary.runs)), ("finished", .int(summary.finished)), ("failed", .int(summary.failed)),
            ("canceled", .int(summary.canceled)), ("running", .int(summary.pending)),
            ("baselineRuns", .int(summary.baseline.runCount)), ("medianRunSeconds", .duration(summary.baseline.median)),
            ("madRunSeconds", .duration(summary.baseline.mad)), ("medianQueueSeconds", .duration(summary.baseline.queueMedian)),
            ("lastSuccess", .time(summary.lastSuccess)), ("failureStreak", .int(summary.failureStreak)),
            ("lastError", .text(summary.lastFailure?.errorInfo)),
            ("gaps", .int(coverage.flatMap { $0.windowClass.isPeriodic ? $0.gaps.count : nil })),
            ("gapPeriods", .int(coverage.flatMap { $0.windowClass.isPeriodic ? $0.gaps.reduce(0) { $0 + $1.periods } : nil })),
        ])
    }
}
