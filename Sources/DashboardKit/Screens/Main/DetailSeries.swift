import DisplayText
import Foundation
import ICWSWire

extension DetailContent {
    /// Runs the detail pane lists of the job's series.
    static let seriesRuns = 5

    /// The job's series: its baseline, where this job stands against it, its last runs (date,
    /// duration, outcome) and the last failure's error. Nothing while its series is not known or
    /// has no ended run.
    func series(_ job: JobStatus, key: JobKey) -> [StyledLine] {
        let history = state.history
        let server = RunHistory.server(key.context)
        // A series with no ended run yet has nothing to tell.
        guard let series = history.seriesKey(of: key), !history.model.recentRuns(server: server, key: series, count: 1).isEmpty else {
            return []
        }
        var out: [StyledLine] = [[Span("Series", CellStyle(bold: true, underline: true))]]
        out += field("Series", "\(series.id), \(series.window.word)")
        out += field("Baseline", HistoryContent.describe(history.model.baseline(server: server, key: series)))
        if let progress = history.model.progress(server: server, jobId: key.id, now: now), let expected = progress.expected {
            // An overdue job's ETA is "now" (docs/insight.md): "overdue" says more.
            let eta = progress.overdue ? nil : progress.eta.map { ", ETA \(state.options.timeFormat.short($0))" }
            out += field("This run", "\(TimeFormat.coarse(progress.elapsed)) of ~\(TimeFormat.coarse(expected))\(eta ?? "")\(progress.overdue ? ", overdue" : "")",
                         style: progress.overdue ? CellStyle(.overdue, bold: true) : .plain)
        }
        let runs = history.model.recentRuns(server: server, key: series, count: Self.seriesRuns)
        for (index, run) in runs.enumerated() {
            let duration = run.runTime.map(TimeFormat.duration) ?? "-"
            let text = "\(state.options.timeFormat.short(run.ended))  \(DisplayWidth.pad(duration, to: 7))  \(run.outcome.rawValue)"
            out += field(index == 0 ? "Last runs" : "", text, style: run.outcome == .finished ? .plain : CellStyle(.failed))
        }
        let streak = history.model.failureStreak(server: server, key: series)
        if streak > 0 { out += field("Streak", "\(streak) failed or canceled in a row", style: CellStyle(.overdue, bold: true)) }
        if let failure = history.model.summary(server: server, key: series)?.lastFailure {
            out += field("Last failure", "\(state.options.timeFormat.short(failure.ended)): \(OneLine.folded(failure.errorInfo ?? "no error given"))")
        }
        out.append([])
        return out
    }
}
