import Foundation

/// A series as a list row names it: its server, key and newest name.
public struct SeriesName: Hashable, Sendable {
    public let server: String
    public let key: SeriesKey
    /// The same series by number (cheap to compare).
    public let ref: SeriesRef
    /// The newest ended run's name, else a pending job's (names vary; the key never reads them).
    public let name: String
}

/// A series whose newest ended runs failed or were canceled.
public struct FailingSeries: Hashable, Sendable {
    public let server: String
    public let key: SeriesKey
    /// Failed or canceled runs in a row, counted back from the newest ended run.
    public let streak: Int
    /// The newest ended run: the job the list marks.
    public let lastJobId: String
}

/// The dashboard's questions, each answered without reading a series' whole history (a frame
/// asks them for every row on screen): cost O(1) or O(what is returned), never O(runs).
extension InsightModel {
    /// The baseline of a series, nil for a series not seen.
    public func baseline(server: String, key: SeriesKey) -> Baseline? {
        index(server: server, key: key).map(baseline(at:))
    }

    /// The newest `count` ended runs of a series, newest first.
    public func recentRuns(server: String, key: SeriesKey, count: Int) -> [Run] {
        index(server: server, key: key).map { recentRuns(at: $0, count: count) } ?? []
    }

    /// The last runs of a job's series, newest first (found by the job: the list asks for every
    /// row it draws, and hashing a series key each time cost more than drawing the row).
    public func recentRuns(server: String, jobId: String, count: Int) -> [Run] {
        seriesIndex(server: server, jobId: jobId).map { recentRuns(at: $0, count: count) } ?? []
    }

    private func recentRuns(at index: Int, count: Int) -> [Run] {
        Array(series[index].runs.suffix(max(0, count)).reversed())
    }

    /// The failure streak the list marks on a job: its series' when the job is the series' newest
    /// ended run, else 0.
    public func streakEnding(server: String, jobId: String) -> Int {
        guard let index = seriesIndex(server: server, jobId: jobId), series[index].runs.last?.jobId == jobId else { return 0 }
        return streak(at: index)
    }

    /// Failed or canceled runs in a row, counted back from the newest ended run.
    public func failureStreak(server: String, key: SeriesKey) -> Int {
        index(server: server, key: key).map(streak(at:)) ?? 0
    }

    /// Every series whose newest ended run failed or was canceled, by server then key.
    public func failingSeries() -> [FailingSeries] {
        seriesScans.add()
        return series.indices.compactMap { index -> FailingSeries? in
            let streak = streak(at: index)
            guard streak > 0, let last = series[index].runs.last else { return nil }
            return FailingSeries(server: serverNames[series[index].id.server], key: series[index].id.key, streak: streak, lastJobId: last.jobId)
        }.sorted { ($0.server, $0.key) < ($1.server, $1.key) }
    }

    /// Every series with its newest name, by server then key: O(series log series).
    public func seriesNames() -> [SeriesName] {
        unorderedSeriesNames().sorted { ($0.server, $0.key) < ($1.server, $1.key) }
    }

    /// Every series with its newest name, in no stated order: O(series), for a caller that sorts
    /// them its own way (comparing keys is comparing their canonical texts, the most of a sort by key).
    public func unorderedSeriesNames() -> [SeriesName] {
        seriesScans.add()
        return series.indices.map(seriesName(at:))
    }

    /// The jobs of a series that have not ended, by job id.
    public func pendingRuns(server: String, key: SeriesKey) -> [PendingRun] {
        guard let index = index(server: server, key: key) else { return [] }
        return series[index].pending.values.sorted { $0.jobId < $1.jobId }
    }

    /// How many series `failingSeries()` lists, without listing them: O(1).
    public var failingSeriesCount: Int { failing.count }

    /// How many jobs that have not ended run past the overdue rule at `now` (those of
    /// `pendingJobs(now:)` marked overdue), reading only the series with such jobs.
    public func overdueCount(now: Date) -> Int {
        pendingSeries.reduce(0) { count, index in
            let baseline = baseline(at: index)
            guard baseline.isJudged else { return count }
            return count + series[index].pending.values.count { RunProgress(pending: $0, baseline: baseline, now: now).overdue }
        }
    }

    func streak(at index: Int) -> Int {
        series[index].runs.reversed().prefix { $0.outcome != .finished }.count
    }
}
