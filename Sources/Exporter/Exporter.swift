import Foundation
import ICWSClient
import Insight
import Logging
import Prometheus
import Synchronization

/// One server to follow: the name its metrics carry (`context`) and how to reach it.
public struct ExportedServer: Sendable {
    public var context: String
    public var configuration: ICWSClientConfiguration

    public init(context: String, configuration: ICWSClientConfiguration) {
        self.context = context
        self.configuration = configuration
    }
}

/// The exporter: one `ServerFollower` per server, each following on its own (a server that is
/// down holds up no other), all counting into one registry. `exposition` reads only that
/// registry, so a scrape never waits on a server.
public final class Exporter: Sendable {
    public struct Options: Sendable {
        /// The newest jobs followed per server.
        public var window = 1000
        /// How often each server is asked for its newest job (jobs submitted by others).
        public var newestCheckInterval: Duration = .seconds(15)
        /// How often the series metrics are computed again from the insight model.
        public var seriesInterval: Duration = .seconds(15)
        /// The zone whose midnights are the day boundaries of coverage.
        public var timeZone = TimeZone.current

        public init() {}
    }

    private let registry: PrometheusCollectorRegistry
    private let followers: [ServerFollower]
    private let metrics: [String: ServerMetrics]
    private let insight: InsightStore
    private let series: SeriesMetrics
    private let seriesInterval: Duration
    private let publisher = Mutex<Task<Void, Never>?>(nil)

    /// Creates each server's session (no request yet) and registers every metric.
    /// - Parameter note: one line for the operator (a server lost or back); never a secret.
    public init(servers: [ExportedServer], version: String, options: Options = Options(),
                note: @escaping @Sendable (String) -> Void) throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(descriptor: MetricCatalogue.buildInfo.descriptor, labels: [("version", version)]).set(to: 1)
        self.registry = registry
        let insight = InsightStore(InsightModel(timeZone: options.timeZone))
        self.insight = insight
        seriesInterval = options.seriesInterval
        series = SeriesMetrics(registry: registry, servers: servers.map { ($0.context, $0.configuration.server.description) })
        var metrics: [String: ServerMetrics] = [:]
        followers = try servers.map { server in
            let serverMetrics = ServerMetrics(registry: registry, context: server.context,
                                              server: server.configuration.server.description)
            metrics[server.context] = serverMetrics
            var configuration = server.configuration
            configuration.traffic = serverMetrics
            return ServerFollower(context: server.context, session: try ICWSSession(configuration: configuration),
                                  metrics: serverMetrics, insight: insight, window: options.window,
                                  newestCheckInterval: options.newestCheckInterval, note: note)
        }
        self.metrics = metrics
    }

    /// Computes the series metrics and the overdue counts from a copy of the insight model.
    public func publishSeries(now: Date = Date()) {
        let model = insight.model.withLock { $0 }
        let overdue = series.publish(model, now: now)
        for (context, serverMetrics) in metrics { serverMetrics.overdue.set(Double(overdue[context] ?? 0)) }
    }

    /// Starts following every server.
    public func start() {
        for follower in followers { follower.start() }
        let task = Task { [self] in
            while true {
                do { try await Task.sleep(for: seriesInterval) } catch { return }
                publishSeries()
            }
        }
        publisher.withLock { $0 = task }
    }

    /// Stops every follower at once and logs out of every server.
    public func stop() async {
        publisher.withLock { $0 }?.cancel()
        await withDiscardingTaskGroup { group in
            for follower in followers { group.addTask { await follower.stop() } }
        }
    }

    /// What the exporter holds now, in `format`.
    public func exposition(_ format: ExpositionFormat = .prometheusText) -> [UInt8] {
        format.render(registry.emitToBuffer())
    }
}

/// The insight model all followers file their jobs in (one model, a server per context).
final class InsightStore: Sendable {
    let model: Mutex<InsightModel>

    init(_ model: InsightModel) {
        self.model = Mutex(model)
    }
}
