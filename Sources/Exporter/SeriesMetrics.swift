import Foundation
import Insight
import Prometheus
import Synchronization

/// The series metrics, from the insight model: for each series (one `SeriesKey` on one server)
/// its last success, failure streak, coverage gaps, period and run durations, and each server's
/// overdue jobs. Refreshed from a copy of the model away from the scrape path.
///
/// At most `cap` series per server are exported, the first ones seen (a series once exported stays,
/// so its label set never changes); the rest are counted in `dxtop_series_dropped`. The `series`
/// label is the key's short id (10 hex digits), so server data can neither break nor widen a label.
final class SeriesMetrics: Sendable {
    static let cap = 100

    private final class Family: Sendable {
        let lastSuccess, streak, gaps, gapSeconds, period: Gauge
        let durations: ValueHistogram

        init(_ registry: PrometheusCollectorRegistry, _ labels: [(String, String)]) {
            func gauge(_ metric: MetricDefinition) -> Gauge { registry.makeGauge(descriptor: metric.descriptor, labels: labels) }
            lastSuccess = gauge(MetricCatalogue.seriesLastSuccess)
            streak = gauge(MetricCatalogue.seriesFailureStreak)
            gaps = gauge(MetricCatalogue.seriesCoverageGaps)
            gapSeconds = gauge(MetricCatalogue.seriesCoverageGapSeconds)
            period = gauge(MetricCatalogue.seriesPeriod)
            durations = registry.makeValueHistogram(descriptor: MetricCatalogue.seriesRunDuration.descriptor, labels: labels,
                                                    buckets: MetricCatalogue.runDurationBuckets)
        }
    }

    private struct Exported {
        var families: [String: [SeriesKey: Family]] = [:]
        /// Ended runs already in the histogram, per series.
        var observedRuns: [String: [SeriesKey: Int]] = [:]
    }

    private let registry: PrometheusCollectorRegistry
    /// context → (server label, the server's dropped-series gauge)
    private let servers: [String: (server: String, dropped: Gauge)]
    private let exported = Mutex(Exported())

    init(registry: PrometheusCollectorRegistry, servers: [(context: String, server: String)]) {
        self.registry = registry
        self.servers = Dictionary(servers.map { server in
            (server.context, (server.server, registry.makeGauge(descriptor: MetricCatalogue.seriesDropped.descriptor,
                                                                 labels: [("context", server.context), ("server", server.server)])))
        }, uniquingKeysWith: { first, _ in first })
    }

    /// Sets every exported series' metrics from `model`; returns the overdue jobs per context.
    func publish(_ model: InsightModel, now: Date) -> [String: Int] {
        var dropped: [String: Int] = [:]
        for summary in model.summaries() {
            guard let family = family(context: summary.server, key: summary.key) else {
                dropped[summary.server, default: 0] += 1
                continue
            }
            family.streak.set(Double(summary.failureStreak))
            if let lastSuccess = summary.lastSuccess { family.lastSuccess.set(lastSuccess.timeIntervalSince1970) }
            if let period = Self.periodSeconds(summary.key.window) { family.period.set(period) }
            let gaps = model.coverage(server: summary.server, key: summary.key, now: now)?.gaps ?? []
            family.gaps.set(Double(gaps.count))
            family.gapSeconds.set(gaps.reduce(0) { $0 + $1.window.end.timeIntervalSince($1.window.start) })
            observeNewRuns(summary, model, family)
        }
        for (context, server) in servers { server.dropped.set(Double(dropped[context] ?? 0)) }
        var overdue: [String: Int] = [:]
        for pending in model.pendingJobs(now: now) where pending.progress.overdue { overdue[pending.server, default: 0] += 1 }
        return overdue
    }

    /// The series' family, registered the first time while the server has fewer than `cap`.
    private func family(context: String, key: SeriesKey) -> Family? {
        guard let server = servers[context] else { return nil }
        return exported.withLock { exported in
            if let family = exported.families[context]?[key] { return family }
            guard exported.families[context, default: [:]].count < Self.cap else { return nil }
            let family = Family(registry, [("context", context), ("server", server.server), ("series", key.id)])
            exported.families[context, default: [:]][key] = family
            return family
        }
    }

    private func observeNewRuns(_ summary: SeriesSummary, _ model: InsightModel, _ family: Family) {
        let fresh = exported.withLock { exported -> Int in
            let seen = exported.observedRuns[summary.server]?[summary.key] ?? 0
            exported.observedRuns[summary.server, default: [:]][summary.key] = summary.runs
            return summary.runs - seen
        }
        guard fresh > 0 else { return }
        for run in model.runs(server: summary.server, key: summary.key).prefix(fresh) {
            if let seconds = run.runTime { family.durations.record(seconds) }
        }
    }

    /// One period of a periodic window class, in seconds (a month as its average length).
    static func periodSeconds(_ window: WindowClass) -> Double? {
        switch window.length {
        case .day: 86_400
        case .week: 604_800
        case .month: 2_629_746
        case .other, .unbounded: nil
        }
    }
}
