import ICWSClient
import ICWSWire
import Prometheus

/// Every metric the exporter emits: its name, help text and label names, in one place. Label
/// names are fixed here and label values come only from the operator's configuration (context
/// name, server URL) and the fixed vocabulary below — never from server data — so nothing a
/// server sends can make swift-prometheus see two definitions of one family (it traps on that).
/// No job id is ever a label.
public enum MetricCatalogue {
    public static let serverUp = MetricDefinition(
        "dxtop_server_up", "1 while the exporter holds a working session with the server (its feed is live), else 0.")
    public static let streamConnected = MetricDefinition(
        "dxtop_server_stream_connected", "1 while the server's event stream is open and heard, 0 while polling, stale or reconnecting.")
    public static let requests = MetricDefinition(
        "dxtop_server_requests_total", "Requests the exporter sent to the server (its own cost to the server), logins included.")
    public static let responseBytes = MetricDefinition(
        "dxtop_server_response_bytes_total", "Body bytes the exporter received from the server, answers and event stream.")
    public static let logins = MetricDefinition("dxtop_server_logins_total", "Logins the exporter attempted on the server.")
    public static let jobs = MetricDefinition(
        "dxtop_jobs", "Jobs the exporter follows on the server (its newest jobs, up to --jobs), by state.")
    public static let jobsOverdue = MetricDefinition(
        "dxtop_jobs_overdue", "Jobs running past their series' usual time (median + 3 MAD and 1.5 x the median).")
    public static let buildInfo = MetricDefinition(
        "dxtop_build_info", "The version of the exporter following the server (always 1; one per context, so every metric has a context).")

    public static let seriesRunDuration = MetricDefinition(
        "dxtop_series_run_duration_seconds", "Run time (started to ended) of the series' ended runs.")
    public static let seriesLastSuccess = MetricDefinition(
        "dxtop_series_last_success_timestamp_seconds", "When the series' newest finished run ended (Unix time; 0 before the first success).")
    public static let seriesFailureStreak = MetricDefinition(
        "dxtop_series_failure_streak", "Failed or canceled runs in a row, counted back from the series' newest ended run.")
    public static let seriesCoverageGaps = MetricDefinition(
        "dxtop_series_coverage_gaps", "Stretches of time no finished run of the series extracted, up to one period ago.")
    public static let seriesCoverageGapSeconds = MetricDefinition(
        "dxtop_series_coverage_gap_seconds", "Total length of the series' coverage gaps.")
    public static let seriesPeriod = MetricDefinition(
        "dxtop_series_period_seconds", "One period of the series (daily, weekly, monthly); 0 for other windows.")
    public static let seriesDropped = MetricDefinition(
        "dxtop_series_dropped", "Series of the server beyond the export cap (100), not exported.")

    static let runDurationBuckets: [Double] = [10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14_400, 28_800, 86_400]

    /// The state label of a job: the known state words, and `unknown` for every number this
    /// client does not know (one value, so a server inventing states adds no series).
    static func stateLabel(_ state: JobState) -> String {
        if case .unknown = state { return unknownState }
        return state.word
    }

    static let unknownState = "unknown"
    /// Every value the `state` label can take, all exported (at 0) as soon as a server appears.
    static let stateLabels = JobState.known.map(\.word) + [unknownState]
}

/// A metric family's full name and help text.
public struct MetricDefinition: Sendable {
    public let name: String
    public let help: String

    init(_ name: String, _ help: String) {
        self.name = name
        self.help = help
    }

    var descriptor: MetricNameDescriptor { MetricNameDescriptor(metricName: name, unitName: "", helpText: help) }
}

/// The metrics of one followed server (context), registered once when the exporter starts.
final class ServerMetrics: Sendable {
    let up: Gauge
    let streamConnected: Gauge
    let requests: Counter
    let responseBytes: Counter
    let logins: Counter
    let overdue: Gauge
    /// By state label, every value of `MetricCatalogue.stateLabels`.
    let jobs: [String: Gauge]

    init(registry: PrometheusCollectorRegistry, context: String, server: String, version: String) {
        let labels = [("context", context), ("server", server)]
        func gauge(_ metric: MetricDefinition, _ extra: [(String, String)] = []) -> Gauge {
            registry.makeGauge(descriptor: metric.descriptor, labels: labels + extra)
        }
        func counter(_ metric: MetricDefinition) -> Counter {
            registry.makeCounter(descriptor: metric.descriptor, labels: labels)
        }
        up = gauge(MetricCatalogue.serverUp)
        streamConnected = gauge(MetricCatalogue.streamConnected)
        requests = counter(MetricCatalogue.requests)
        responseBytes = counter(MetricCatalogue.responseBytes)
        logins = counter(MetricCatalogue.logins)
        overdue = gauge(MetricCatalogue.jobsOverdue)
        jobs = Dictionary(uniqueKeysWithValues: MetricCatalogue.stateLabels.map { ($0, gauge(MetricCatalogue.jobs, [("state", $0)])) })
        gauge(MetricCatalogue.buildInfo, [("version", version)]).set(to: 1)
    }

    /// Sets every state's gauge from `counts` (a state missing from it is 0).
    func setJobs(_ counts: [String: Int]) {
        for (state, gauge) in jobs { gauge.set(Double(counts[state] ?? 0)) }
    }
}

/// `ICWSClient`'s traffic hook counts straight into the server's counters.
extension ServerMetrics: TrafficObserver {
    func requestSent(isLogin: Bool) {
        requests.increment()
        if isLogin { logins.increment() }
    }

    func bodyBytesReceived(_ count: Int) {
        responseBytes.increment(by: Int64(count))
    }
}
