import Foundation

/// What a series' usual run looks like on one server: median and MAD of the run time
/// (started → finished) of its last `window` finished runs, and of their queue wait
/// (submitted → started) apart. No judgement (nil statistics, no ETA, never overdue) before
/// `minimumRuns` runs.
public struct Baseline: Hashable, Sendable {
    public static let defaultWindow = 20
    public static let minimumRuns = 5

    /// Finished runs with a run time among the last `window` finished runs.
    public let runCount: Int
    public let median: TimeInterval?
    public let mad: TimeInterval?
    public let queueRunCount: Int
    public let queueMedian: TimeInterval?
    public let queueMAD: TimeInterval?

    /// `finishedNewestFirst`: finished runs, newest first (only the first `window` are read).
    init(finishedNewestFirst runs: some Sequence<Run>, window: Int) {
        let recent = Array(runs.prefix(window))
        let times = recent.compactMap(\.runTime)
        let waits = recent.compactMap(\.queueWait)
        runCount = times.count
        queueRunCount = waits.count
        let judged = times.count >= Self.minimumRuns
        median = judged ? RobustStats.median(times) : nil
        mad = judged ? RobustStats.mad(times) : nil
        let queueJudged = waits.count >= Self.minimumRuns
        queueMedian = queueJudged ? RobustStats.median(waits) : nil
        queueMAD = queueJudged ? RobustStats.mad(waits) : nil
    }

    public var isJudged: Bool { median != nil }

    /// The overdue rule: running longer than median + 3·MAD and at least 1.5 × the median.
    public func isOverdue(elapsed: TimeInterval) -> Bool {
        guard let median, let mad else { return false }
        return elapsed > median + 3 * mad && elapsed >= 1.5 * median
    }
}

/// Where a job that has not ended stands against its series' baseline.
public struct RunProgress: Hashable, Sendable {
    /// Running time so far (0 while it waits).
    public let elapsed: TimeInterval
    /// The baseline's median run time, if judged.
    public let expected: TimeInterval?
    /// When it should finish: start + median (now, once past the median); for a job still
    /// waiting, now + what remains of the median queue wait + the median run time.
    public let eta: Date?
    public let overdue: Bool

    init(pending: PendingRun, baseline: Baseline, now: Date) {
        let expected = baseline.median
        self.expected = expected
        if let started = pending.started, pending.state == .started {
            elapsed = max(0, now.timeIntervalSince(started))
            eta = expected.map { max(started.addingTimeInterval($0), now) }
            overdue = baseline.isOverdue(elapsed: elapsed)
        } else {
            elapsed = 0
            let waited = pending.submitted.map { max(0, now.timeIntervalSince($0)) } ?? 0
            let queueLeft = max(0, (baseline.queueMedian ?? 0) - waited)
            eta = expected.map { now.addingTimeInterval(queueLeft + $0) }
            overdue = false
        }
    }
}
