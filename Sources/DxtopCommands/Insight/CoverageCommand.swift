import ArgumentParser
import DisplayText
import Foundation
import Insight
import JobComposition

/// `dxtop coverage`: the gaps, failed windows and overlaps of each series (docs/insight.md).
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "List what each series failed to extract: gaps, failed windows not re-run, and overlaps.",
        discussion: """
            Reads every job of the context with its configuration (about one request per 1000 jobs). A gap is a stretch \
            inside a daily, weekly or monthly series' span, up to one period before now, that no finished job extracted; \
            a failed window is a failed or canceled job's window no finished job extracted since; an overlap was \
            extracted twice or more. Days are those of the display time zone (--utc for UTC). With --exit-status the \
            exit status is 5 when a gap is listed (for cron checks).
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var cache: HistoryCacheOptions

    @Option(name: .long, help: ArgumentHelp("Only the series whose key starts with this (see 'dxtop series list').", valueName: "key"))
    var series: String?

    @Option(name: .long, help: ArgumentHelp("Only what lies after this time (\(TypedTime.accepted)).", valueName: "time"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Only what lies before this time.", valueName: "time"))
    var to: String?

    @Flag(name: .long, help: "Exit with status 5 when a gap is listed.")
    var exitStatus = false

    func run() throws {
        let range = try Self.range(from: from, to: to, timeZone: (global.utc ? TimeFormat.utc : TimeFormat.local).timeZone)
        let history = try InsightHistory.load(global, cache: cache)
        let now = Date()
        var records: [InsightRecord] = []
        var matched = false
        for server in history.servers {
            for summary in server.model.summaries().sorted(by: InsightHistory.byName) where series.map({ summary.key.id.hasPrefix($0.lowercased()) }) ?? true {
                matched = true
                guard var coverage = server.model.coverage(server: server.label, key: summary.key, now: now) else { continue }
                if let range { coverage = coverage.clipped(to: range) }
                records += Self.records(coverage, summary: summary, context: server.label)
            }
        }
        if let series, !matched, !history.servers.isEmpty {
            throw CLIError.failure("no series key starts with '\(OneLine.safe(series))'; 'dxtop series list' shows the keys")
        }
        var columns = [("SERIES", "series"), ("CLASS", "class"), ("NAME", "name"), ("KIND", "kind"), ("FROM", "start"), ("TO", "end"),
                       ("PERIODS", "periods"), ("DETAIL", "detail")]
        if history.showContext { columns.insert(("CONTEXT", "context"), at: 0) }
        try InsightWriter(output: output, format: history.format).write(records, columns: columns)
        try history.finish()
        if exitStatus, records.contains(where: { $0["kind"]?.csv == "gap" }) { throw ExitCode(ExitStatus.gapsFound.rawValue) }
    }

    static func range(from: String?, to: String?, timeZone: TimeZone) throws -> TimeWindow? {
        func parse(_ text: String?, _ option: String) throws -> Date? {
            guard let text else { return nil }
            guard let date = TypedTime.parse(text, timeZone: timeZone) else {
                throw CLIError.usage("\(option) '\(OneLine.safe(text))' is not a time: use \(TypedTime.accepted)")
            }
            return date
        }
        let start = try parse(from, "--from"), end = try parse(to, "--to")
        guard start != nil || end != nil else { return nil }
        let window = TimeWindow(start: start ?? .distantPast, end: end ?? .distantFuture)
        guard window.start < window.end else { throw CLIError.usage("--from must be before --to") }
        return window
    }

    static func records(_ coverage: Coverage, summary: SeriesSummary, context: String) -> [InsightRecord] {
        func record(_ kind: String, _ window: TimeWindow, periods: Int?, detail: String?) -> InsightRecord {
            InsightRecord(fields: [
                ("context", .text(context)), ("series", .text(summary.key.id)), ("class", .text(summary.key.window.word)),
                ("name", .text(summary.name)), ("kind", .text(kind)), ("start", .time(window.start)), ("end", .time(window.end)),
                ("periods", .int(periods)), ("detail", .text(detail)),
            ])
        }
        let gaps = coverage.gaps.map { record("gap", $0.window, periods: $0.periods, detail: $0.attempted ? "tried, failed" : "never tried") }
        let failed = coverage.failed.filter { !$0.recovered }.map { record("failed", $0.window, periods: nil, detail: "\($0.outcome.rawValue) \($0.jobId)") }
        let overlaps = coverage.overlaps.map { record("overlap", $0, periods: nil, detail: "extracted more than once") }
        return (gaps + failed + overlaps).sorted { a, b in
            (a["start"]?.csv ?? "", a["kind"]?.csv ?? "") < (b["start"]?.csv ?? "", b["kind"]?.csv ?? "")
        }
    }
}
