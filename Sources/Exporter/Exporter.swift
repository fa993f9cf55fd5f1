import Foundation
import HistoryCache
import ICWSClient
import Insight
import Logging
import Prometheus
import Synchronization

/// One server to follow: the name its metrics carry (`context`), how to reach it, and its history
/// cache (the file of its server and user the insight commands use; nil: none, `--no-cache`).
public struct ExportedServer: Sendable {
    public var context: String
    public var configuration: ICWSClientConfiguration
    public var cache: HistoryCache?

    public init(context: String, configuration: ICWSClientConfiguration, cache: HistoryCache? = nil) {
        self.context = context
        self.configuration = configuration
        self.cache = cache
    }
}

/// The exporter: one `ServerFollower` per server, each following on its own (a server that is
/// down holds up no other), all counting into one registry; the series metrics are refreshed from
/// the insight model every `seriesInterval` and rendered then. `exposition` reads only what is
/// held, so a scrape never waits on a server nor walks the jobs.
public final class Exporter: Sendable {
    public struct Options: Sendable {
        /// The newest jobs followed per server.
        public var window = 1000
        /// How often each server is asked for its newest job (jobs submitted by others).
        public var newestCheckInterval: Duration = .seconds(15)
        /// How often the series metrics are refreshed from the insight model (and after each listing).
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
    private let publisher = Mutex<[Task<Void, Never>]>([])
    /// Asks for a series refresh: every `seriesInterval`, and when a listing has filed jobs.
    private let refreshes = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))

    /// Creates each server's session (no request yet) and registers every metric.
    /// - Parameter note: one line for the operator (a server lost or back); never a secret.
    public init(servers: [ExportedServer], version: String, options: Options = Options(),
                note: @escaping @Sendable (String) -> Void) throws {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        let insight = InsightStore(InsightModel(timeZone: options.timeZone))
        self.insight = insight
        seriesInterval = options.seriesInterval
        series = SeriesMetrics(servers: servers.map { ($0.context, $0.configuration.server.description) })
        var metrics: [String: ServerMetrics] = [:]
        let refresh = refreshes.continuation
        followers = try servers.map { server in
            let serverMetrics = ServerMetrics(registry: registry, context: server.context,
                                              server: server.configuration.server.description, version: version)
            metrics[server.context] = serverMetrics
            var configuration = server.configuration
            configuration.traffic = serverMetrics
            return ServerFollower(context: server.context, session: try ICWSSession(configuration: configuration),
                                  metrics: serverMetrics, insight: insight, window: options.window, cache: server.cache,
                                  newestCheckInterval: options.newestCheckInterval, listed: { refresh.yield() }, note: note)
        }
        self.metrics = metrics
    }

    /// Refreshes the series metrics and the overdue counts from what changed in the insight model.
    public func publishSeries(now: Date = Date()) {
        while publishStep(now: now) {}
    }

    /// At most this many changed series per context in one refresh step.
    static let seriesPerStep = 500

    /// One step of a refresh; returns whether changed series are left for another.
    private func publishStep(now: Date) -> Bool {
        let unended = Dictionary(followers.map { ($0.modelServer, $0.unendedIds) }, uniquingKeysWith: +)
        let step = series.publish(insight, unended: unended, now: now, limit: Self.seriesPerStep)
        for (context, serverMetrics) in metrics { serverMetrics.overdue.set(Double(step.overdue[context] ?? 0)) }
        return step.more
    }

    /// Starts following every server.
    public func start() {
        for follower in followers { follower.start() }
        let timer = Task { [seriesInterval, refreshes] in
            while true {
                do { try await Task.sleep(for: seriesInterval) } catch { return }
                refreshes.continuation.yield()
            }
        }
        // In steps, giving the thread back between them: a refresh after a big listing neither
        // holds the model from the followers nor a thread from the scrapes for long.
        let refresher = Task { [self] in
            for await _ in refreshes.stream {
                let now = Date()
                while publishStep(now: now) { await Task.yield() }
            }
        }
        publisher.withLock { $0 = [timer, refresher] }
    }

    /// Stops every follower at once and logs out of every server.
    public func stop() async {
        for task in publisher.withLock({ $0 }) { task.cancel() }
        await withDiscardingTaskGroup { group in
            for follower in followers { group.addTask { await follower.stop() } }
        }
    }

    /// What the exporter holds now, in `format`: the server metrics (a few per server) rendered
    /// now, and the series metrics as the last publish rendered them.
    public func exposition(_ format: ExpositionFormat = .prometheusText) -> [UInt8] {
        let live = registry.emitToBuffer()
        let rendered = series.rendered
        switch format {
        case .prometheusText:
            return live + rendered.text
        case .openMetrics:
            var out = OpenMetricsText.convert(live, end: false)
            out.reserveCapacity(out.count + rendered.openMetrics.count + OpenMetricsText.end.count)
            out += rendered.openMetrics
            out += OpenMetricsText.end
            return out
        }
    }
}
