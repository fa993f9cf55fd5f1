import Foundation
import Insight
import Prometheus
import Synchronization

/// The series metrics, from the insight model: for each series (one `SeriesKey` on one server)
/// its last success, failure streak, coverage gaps, period and run durations, and each server's
/// overdue jobs.
///
/// Refreshed away from the scrape path and incrementally: `publish` reads only the series a job
/// was recorded in since the last publish (and, once an hour, every exported series' coverage,
/// whose horizon moves with time), then renders them once, in both formats. A scrape copies that
/// rendering; it never walks the series.
///
/// At most `cap` series per server are exported, the first ones seen (a series once exported stays,
/// so its label set never changes); the rest are counted in `dxtop_series_dropped`. The `series`
/// label is the key's short id (10 hex digits), so server data can neither break nor widen a label.
final class SeriesMetrics: Sendable {
    static let cap = 100

    /// The series metrics rendered at the last publish, in both formats (OpenMetrics without `# EOF`).
    struct Rendered: Sendable {
        var text: [UInt8] = []
        var openMetrics: [UInt8] = []
    }

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

        func setCoverage(_ coverage: Coverage?) {
            let found = coverage?.gaps ?? []
            gaps.set(Double(found.count))
            gapSeconds.set(found.reduce(0) { $0 + $1.window.end.timeIntervalSince($1.window.start) })
        }
    }

    private struct State {
        /// Exported series per context.
        var families: [String: [SeriesKey: Family]] = [:]
        /// Every series seen per context, exported or not (for the dropped count).
        var seen: [String: Set<SeriesKey>] = [:]
        /// Ended runs already in the histogram, per series.
        var observedRuns: [String: [SeriesKey: Int]] = [:]
        /// The hour (since 1970) of the last refresh of every exported series' coverage.
        var coverageHour: Int?
        /// Metrics set since the last rendering.
        var unrendered = false
    }

    private let registry = PrometheusCollectorRegistry()
    /// context → (server label, the server's dropped-series gauge)
    private let servers: [String: (server: String, dropped: Gauge)]
    /// Only the publisher touches it; one publish at a time (the refresher, or a test).
    private let state = Mutex(State())
    /// Apart from `state`, so a scrape never waits on a publish.
    private let lastRendering = Mutex(Rendered())

    init(servers: [(context: String, server: String)]) {
        let registry = registry
        self.servers = Dictionary(servers.map { server in
            (server.context, (server.server, registry.makeGauge(descriptor: MetricCatalogue.seriesDropped.descriptor,
                                                                 labels: [("context", server.context), ("server", server.server)])))
        }, uniquingKeysWith: { first, _ in first })
        render()
    }

    /// The series metrics as last rendered.
    var rendered: Rendered { lastRendering.withLock { $0 } }

    /// What one publish step did.
    struct Step: Sendable {
        /// Per context, how many of the followed jobs not ended run past their series' usual time.
        var overdue: [String: Int] = [:]
        /// Changed series are left for the next step.
        var more = false
    }

    /// Sets the metrics of at most `limit` series per context changed since the last step (the
    /// smallest keys first) from `store`; renders them once no changed series is left. Counts the
    /// overdue among `unended`. The model's lock is held one context and `limit` series at a time,
    /// so a refresh after a big listing never holds up the followers for long.
    func publish(_ store: InsightStore, unended: [String: [String]], now: Date, limit: Int) -> Step {
        state.withLock { state in
            let hour = Int(now.timeIntervalSince1970 / 3600)
            let everyCoverage = state.coverageHour != hour
            state.coverageHour = hour
            state.unrendered = state.unrendered || everyCoverage
            var step = Step()
            for (context, server) in servers {
                let ids = unended[context] ?? []
                let (updated, more) = store.read { store -> (Bool, Bool) in
                    let changed = (store.changed[context] ?? []).sorted()
                    let taken = changed.prefix(limit)
                    store.changed[context] = changed.count > limit ? Set(changed.dropFirst(limit)) : nil
                    for key in taken {
                        guard let family = family(context: context, key: key, &state) else { continue }
                        refresh(family, context: context, key: key, store.model, now: now, &state)
                    }
                    if everyCoverage {
                        let refreshed = Set(taken)
                        for (key, family) in state.families[context] ?? [:] where !refreshed.contains(key) {
                            family.setCoverage(store.model.coverage(server: context, key: key, now: now))
                        }
                    }
                    step.overdue[context] = ids.count(where: { store.model.progress(server: context, jobId: $0, now: now)?.overdue == true })
                    return (!taken.isEmpty, changed.count > limit)
                }
                state.unrendered = state.unrendered || updated
                step.more = step.more || more
                server.dropped.set(Double((state.seen[context]?.count ?? 0) - (state.families[context]?.count ?? 0)))
            }
            if state.unrendered, !step.more {
                render()
                state.unrendered = false
            }
            return step
        }
    }

    private func render() {
        let text = registry.emitToBuffer()
        let rendered = Rendered(text: text, openMetrics: OpenMetricsText.convert(text, end: false))
        lastRendering.withLock { $0 = rendered }
    }

    /// The series' family, registered the first time while the server has fewer than `cap`.
    private func family(context: String, key: SeriesKey, _ state: inout State) -> Family? {
        guard let server = servers[context] else { return nil }
        state.seen[context, default: []].insert(key)
        if let family = state.families[context]?[key] { return family }
        guard state.families[context, default: [:]].count < Self.cap else { return nil }
        let family = Family(registry, [("context", context), ("server", server.server), ("series", key.id)])
        state.families[context, default: [:]][key] = family
        return family
    }

    private func refresh(_ family: Family, context: String, key: SeriesKey, _ model: InsightModel, now: Date,
                         _ state: inout State) {
        guard let summary = model.summary(server: context, key: key) else { return }
        family.streak.set(Double(summary.failureStreak))
        if let lastSuccess = summary.lastSuccess { family.lastSuccess.set(lastSuccess.timeIntervalSince1970) }
        if let period = Self.periodSeconds(key.window) { family.period.set(period) }
        family.setCoverage(model.coverage(server: context, key: key, now: now))
        let seen = state.observedRuns[context]?[key] ?? 0
        state.observedRuns[context, default: [:]][key] = summary.runs
        guard summary.runs > seen else { return }
        for run in model.runs(server: context, key: key).prefix(summary.runs - seen) {
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
