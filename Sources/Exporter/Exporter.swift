import ICWSClient
import Logging
import Prometheus

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

        public init() {}
    }

    private let registry: PrometheusCollectorRegistry
    private let followers: [ServerFollower]

    /// Creates each server's session (no request yet) and registers every metric.
    /// - Parameter note: one line for the operator (a server lost or back); never a secret.
    public init(servers: [ExportedServer], version: String, options: Options = Options(),
                note: @escaping @Sendable (String) -> Void) throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeGauge(descriptor: MetricCatalogue.buildInfo.descriptor, labels: [("version", version)]).set(to: 1)
        self.registry = registry
        followers = try servers.map { server in
            let metrics = ServerMetrics(registry: registry, context: server.context,
                                        server: server.configuration.server.description)
            var configuration = server.configuration
            configuration.traffic = metrics
            return ServerFollower(context: server.context, session: try ICWSSession(configuration: configuration),
                                  metrics: metrics, window: options.window,
                                  newestCheckInterval: options.newestCheckInterval, note: note)
        }
    }

    /// Starts following every server.
    public func start() {
        for follower in followers { follower.start() }
    }

    /// Stops every follower at once and logs out of every server.
    public func stop() async {
        await withDiscardingTaskGroup { group in
            for follower in followers { group.addTask { await follower.stop() } }
        }
    }

    /// What the exporter holds now, in `format`.
    public func exposition(_ format: ExpositionFormat = .prometheusText) -> [UInt8] {
        format.render(registry.emitToBuffer())
    }
}
