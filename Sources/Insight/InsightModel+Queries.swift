import Foundation
import ICWSWire
import JobComposition

/// One series on one server, as the lists show it.
public struct SeriesSummary: Hashable, Sendable {
    public let server: String
    public let key: SeriesKey
    /// The newest run's job name (names vary; the key never reads them).
    public let name: String
    public let finished: Int
    public let failed: Int
    public let canceled: Int
    public let pending: Int
    public let baseline: Baseline
    /// When the newest finished run ended.
    public let lastSuccess: Date?
    public let lastRun: Run?
    /// The newest failed run, for its error.
    public let lastFailure: Run?
    /// Consecutive failed or canceled runs, counted back from the newest ended run.
    public let failureStreak: Int

    public var runs: Int { finished + failed + canceled }

    /// A failing series: its newest ended run failed or was canceled (a streak of at least
    /// `failingStreak`). Its last run is the one the lists mark.
    public var isFailing: Bool { failureStreak >= Self.failingStreak }

    public static let failingStreak = 1
}

/// A job that has not ended, with its series and where it stands.
public struct PendingJob: Hashable, Sendable {
    public let server: String
    public let key: SeriesKey
    public let job: PendingRun
    public let progress: RunProgress
}

extension InsightModel {
    /// Every series, by server then key.
    public func summaries() -> [SeriesSummary] {
        seriesScans.add()
        return series.indices.map(summary(at:)).sorted { ($0.server, $0.key) < ($1.server, $1.key) }
    }

    /// The series `key` on `server`, if any job of it was seen.
    public func summary(server: String, key: SeriesKey) -> SeriesSummary? {
        index(server: server, key: key).map(summary(at:))
    }

    /// The series of a job (nil for a job not seen, or seen without its configuration).
    public func seriesKey(server: String, jobId: String) -> SeriesKey? {
        seriesIndex(server: server, jobId: jobId).map { series[$0].id.key }
    }

    /// The ended runs of a series, newest first.
    public func runs(server: String, key: SeriesKey) -> [Run] {
        index(server: server, key: key).map { Array(series[$0].runs.reversed()) } ?? []
    }

    /// The jobs of every series that have not ended, with their progress at `now`; by server,
    /// key and job id.
    public func pendingJobs(now: Date) -> [PendingJob] {
        // Only the series with a job not ended (kept as jobs come and go), not every series.
        pendingReads.add()
        return pendingSeries.sorted { (serverNames[series[$0].id.server], series[$0].id.key) < (serverNames[series[$1].id.server], series[$1].id.key) }
            .flatMap { index -> [PendingJob] in
            let state = series[index]
            let baseline = baseline(at: index)
            return state.pending.values.sorted { $0.jobId < $1.jobId }.map { job in
                PendingJob(server: serverNames[state.id.server], key: state.id.key, job: job,
                           progress: RunProgress(pending: job, baseline: baseline, now: now))
            }
        }
    }

    /// Where a job that has not ended stands (nil if it ended, or is in no series).
    public func progress(server: String, jobId: String, now: Date) -> RunProgress? {
        guard let serverIndex = serverIndex[server], let index = jobs[JobRef(server: serverIndex, id: jobId)]?.series,
              let job = series[index].pending[jobId] else { return nil }
        return RunProgress(pending: job, baseline: baseline(at: index), now: now)
    }

    /// What the series extracted, failed to, and missed, up to one period before `now`.
    public func coverage(server: String, key: SeriesKey, now: Date) -> Coverage? {
        coverageReads.add()
        return index(server: server, key: key).map { Coverage(runs: series[$0].runs, windowClass: key.window, display: timeZone, now: now) }
    }

    /// The configuration of the series' most recently submitted job seen with one: what a fill
    /// of its gaps resubmits (with the gap's window).
    public func latestConfiguration(server: String, key: SeriesKey) -> JobConfig? {
        index(server: server, key: key).flatMap { series[$0].latest?.config }
    }

    /// Servers in the order they were first seen.
    public var servers: [String] { serverNames }

    /// Jobs recorded (in a series or not).
    public var jobCount: Int { jobs.count }

    func index(server: String, key: SeriesKey) -> Int? {
        guard let server = serverIndex[server], let content = contentIndex[key.content] else { return nil }
        return seriesIndex[SeriesSlot(server: server, content: content, window: key.window)]
    }

    func baseline(at index: Int) -> Baseline {
        Baseline(finishedNewestFirst: series[index].runs.reversed().lazy.filter { $0.outcome == .finished }, window: baselineWindow)
    }

    private func summary(at index: Int) -> SeriesSummary {
        let state = series[index]
        let newestFirst = state.runs.reversed()
        return SeriesSummary(
            server: serverNames[state.id.server], key: state.id.key, name: state.runs.last?.name ?? "",
            finished: Int(state.finished), failed: Int(state.failed), canceled: Int(state.canceled),
            pending: state.pending.count, baseline: baseline(at: index),
            lastSuccess: newestFirst.first { $0.outcome == .finished }?.ended, lastRun: state.runs.last,
            lastFailure: newestFirst.first { $0.outcome == .failed },
            failureStreak: streak(at: index))
    }
}
