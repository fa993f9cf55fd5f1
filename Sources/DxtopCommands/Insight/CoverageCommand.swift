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

            --fill resubmits the gaps listed with the series' latest configuration and each gap's window: one job per \
            period (--per-period, the default) or one job over each run of gaps (--merge-runs). It asks once per series \
            on a terminal (--yes in scripts), checks each job against the server's data dictionary as 'jobs resubmit' \
            does, and lists each job with its outcome and new id; --dry-run lists what would be sent and sends nothing. \
            Read-only contexts refuse a fill (but not a dry run). The exit status is 1 unless every job was sent.
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

    @Flag(name: .long, help: "Resubmit the gaps listed, with each series' latest configuration and the gap's window.")
    var fill = false

    @Flag var fillJobs: FillJobs = .perPeriod

    @Flag(name: .long, help: "With --fill: list the jobs that would be sent; send nothing.")
    var dryRun = false

    @Flag(name: [.customShort("y"), .long], help: "With --fill: do not ask; required when not on a terminal.")
    var yes = false

    func validate() throws {
        if !fill, dryRun || yes || fillJobs != .perPeriod {
            throw ValidationError("--dry-run, --yes, --per-period and --merge-runs go with --fill")
        }
        if fill, exitStatus { throw ValidationError("--exit-status cannot be combined with --fill (whose exit status says whether every job was sent)") }
    }

    func run() throws {
        let range = try Self.range(from: from, to: to, timeZone: (global.utc ? TimeFormat.utc : TimeFormat.local).timeZone)
        if fill { try JobSending.checkCanAsk(yes: yes, dryRun: dryRun, action: "fill coverage gaps") }
        let history = try InsightHistory.load(global, cache: cache, refusing: fill && !dryRun ? "fill coverage gaps" : nil)
        let filler = CoverageFill(jobs: fillJobs, dryRun: dryRun, ask: !yes)
        var plans: [CoverageFill.Plan] = []
        let now = Date()
        var records: [InsightRecord] = []
        var matched = false
        for server in history.servers {
            for summary in server.model.summaries().sorted(by: InsightHistory.byName) where series.map({ summary.key.id.hasPrefix($0.lowercased()) }) ?? true {
                matched = true
                guard var coverage = server.model.coverage(server: server.label, key: summary.key, now: now) else { continue }
                if let range { coverage = coverage.clipped(to: range) }
                if fill, let plan = filler.plan(server, summary, coverage) { plans.append(plan) }
                records += Self.records(coverage, summary: summary, context: server.label)
            }
        }
        if let series, !matched, !history.servers.isEmpty {
            throw CLIError.failure("no series key starts with '\(OneLine.safe(series))'; 'dxtop series list' shows the keys")
        }
        let writer = InsightWriter(output: output, format: history.format)
        if fill {
            try filler.run(plans, writer: writer, showContext: history.showContext)
            return try history.finish()
        }
        var columns = [("SERIES", "series"), ("CLASS", "class"), ("NAME", "name"), ("KIND", "kind"), ("FROM", "start"), ("TO", "end"),
                       ("PERIODS", "periods"), ("DETAIL", "detail")]
        if history.showContext { columns.insert(("CONTEXT", "context"), at: 0) }
        try writer.write(records, columns: columns)
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
