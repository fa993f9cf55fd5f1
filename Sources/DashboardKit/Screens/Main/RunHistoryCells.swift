import DisplayText
import Foundation
import ICWSWire

/// What the job list and the header show of the run history: a job against its series' baseline,
/// the failing-series mark, the sparkline, and the counts of overdue jobs and failing series.
extension DashboardState {
    /// Cells of the USUAL column (`12m/~15m`, `!47m/~15m`, `✗ 3 failed`).
    static let progressWidth = 10
    /// Cells of the RUNS column (`S`).
    static let sparklineWidth = 8

    /// A job that has not ended: elapsed against the median with `!` when overdue; queued: `-/~15m`.
    /// The newest run of a failing series: the streak. Else empty.
    func progressCell(_ job: JobStatus, key: JobKey, now: Date, glyphs: Glyphs) -> (text: String, style: CellStyle?) {
        let server = RunHistory.server(key.context)
        if !job.knownState.hasEnded {
            guard let progress = history.model.progress(server: server, jobId: key.id, now: now), let expected = progress.expected else {
                return ("", nil)
            }
            let elapsed = job.knownState == .started ? TimeFormat.coarse(progress.elapsed) : "-"
            let text = "\(progress.overdue ? "!" : "")\(elapsed)/~\(TimeFormat.coarse(expected))"
            return (text, progress.overdue ? CellStyle(.overdue, bold: true) : nil)
        }
        let streak = history.model.streakEnding(server: server, jobId: key.id)
        guard streak > 0 else { return ("", nil) }
        return ("\(glyphs.charts.failed) \(streak) failed", CellStyle(.overdue, bold: true))
    }

    /// The job's series' last runs, newest on the right.
    func sparklineCell(_ key: JobKey, glyphs: Glyphs) -> String {
        let runs = history.model.recentRuns(server: RunHistory.server(key.context), jobId: key.id, count: Self.sparklineWidth)
        guard !runs.isEmpty else { return "" }
        return Sparkline.text(runs.reversed().map(RunBar.init), width: Self.sparklineWidth, glyphs: glyphs.charts)
    }

    /// What the list sorts by for USUAL (most overdue first: elapsed over expected, negated) and
    /// ETA (soonest first), for the jobs that have not ended and have a baseline.
    func historyRanks(_ column: ListColumn) -> [JobKey: Double] {
        var ranks: [JobKey: Double] = [:]
        for pending in history.model.pendingJobs(now: timelineNow) {
            guard let context = Int(pending.server).map(ContextID.init), let expected = pending.progress.expected, expected > 0 else { continue }
            let key = JobKey(context: context, id: pending.job.jobId)
            switch column {
            case .usual: ranks[key] = -pending.progress.elapsed / expected
            case .eta: ranks[key] = pending.progress.eta?.timeIntervalSinceReferenceDate
            default: break
            }
        }
        return ranks
    }

    /// Jobs running past the overdue rule, and series whose newest runs failed.
    var insightCounts: (overdue: Int, failing: Int) {
        history.insightCounts(now: timelineNow)
    }
}
