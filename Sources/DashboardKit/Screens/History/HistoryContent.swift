import DisplayText
import Foundation
import Insight

/// What the history screen shows of one series on one server, read from the model when the screen
/// opens and again when the series changes (not per frame).
struct HistoryContent: Equatable, Sendable {
    /// At most this many runs are kept for the chart (a 200-column screen shows fewer).
    static let runLimit = 400

    let context: ContextID
    let key: SeriesKey
    let name: String
    let serverLabel: String
    let baseline: Baseline?
    /// Oldest first, at most `runLimit`.
    let bars: [RunBar]
    /// Every ended run, and how many of them failed or were canceled.
    let runCount: Int
    let failedCount: Int
    /// The newest failed run's end and error.
    let lastFailure: LastFailure?

    struct LastFailure: Equatable, Sendable {
        let ended: Date
        let error: String
    }

    init(model: InsightModel, context: ContextID, server: String, serverLabel: String, key: SeriesKey) {
        self.context = context
        self.key = key
        self.serverLabel = serverLabel
        let summary = model.summary(server: server, key: key)
        name = summary?.name ?? ""
        baseline = summary?.baseline
        runCount = summary?.runs ?? 0
        failedCount = (summary?.failed ?? 0) + (summary?.canceled ?? 0)
        lastFailure = summary?.lastFailure.map { LastFailure(ended: $0.ended, error: $0.errorInfo ?? "no error given") }
        bars = model.recentRuns(server: server, key: key, count: Self.runLimit).reversed().map(RunBar.init)
    }

    /// The median queue wait + median run time: where the chart's baseline line goes.
    var usual: TimeInterval? { baseline?.median.map { $0 + (baseline?.queueMedian ?? 0) } }

    var baselineText: String { Self.describe(baseline) }

    /// "median 9m45s, MAD 2m45s over 20 runs; queue wait 54s", or why there is no judgement yet.
    static func describe(_ baseline: Baseline?) -> String {
        guard let baseline, let median = baseline.median, let mad = baseline.mad else {
            return "no baseline yet: \(baseline?.runCount ?? 0) finished runs of the \(Baseline.minimumRuns) needed"
        }
        let queue = baseline.queueMedian.map { "; queue wait \(TimeFormat.duration($0))" } ?? ""
        return "median \(TimeFormat.duration(median)), MAD \(TimeFormat.duration(mad)) over \(baseline.runCount) runs\(queue)"
    }

    /// "failure rate 15/83 (18%); last 20: 3/20 (15%)".
    var failureRateText: String {
        let all = RunChart.rate(failed: failedCount, of: runCount)
        let recent = bars.suffix(Baseline.defaultWindow)
        return "failure rate \(all); last \(recent.count): \(RunChart.failureRate(Array(recent)))"
    }
}
