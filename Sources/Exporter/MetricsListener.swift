import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The HTTP side of the exporter: `GET /metrics` and nothing else (any other path is 404). Each
/// scrape renders what the exporter holds, never waiting on a server.
public final class MetricsListener: Sendable {
    private let exporter: Exporter
    private let host: String
    private let port: Int
    private let running = Mutex<(task: Task<Void, Never>?, group: ServiceGroup?)>((nil, nil))

    public init(exporter: Exporter, host: String, port: Int) {
        self.exporter = exporter
        self.host = host
        self.port = port
    }

    /// Binds and serves; returns the bound port (useful with port 0). Throws NIO's error when the
    /// address cannot be bound.
    public func start() async throws -> Int {
        let router = Router(context: BasicRequestContext.self)
        router.get("/metrics") { [exporter] request, _ -> Response in
            let format = ExpositionFormat(accept: request.headers[.accept])
            let body = exporter.exposition(format)
            return Response(status: .ok, headers: [.contentType: format.contentType],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        let quiet = Logger(label: "dxtop.exporter.http", factory: { _ in SwiftLogNoOpLogHandler() })
        let (bound, binding) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        let app = Application(router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
                              onServerRunning: { binding.yield(.success($0.localAddress?.port ?? 0)) }, logger: quiet)
        // The signals are SignalTrap's; the group only gives a graceful stop.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: quiet))
        let task = Task<Void, Never> {
            do {
                try await group.run()
                binding.yield(.failure(CancellationError()))
            } catch {
                binding.yield(.failure(error))
            }
        }
        running.withLock { $0 = (task, group) }
        var results = bound.makeAsyncIterator()
        switch await results.next() {
        case .success(let port)?:
            return port
        case .failure(let error)?:
            await stop()
            throw error
        case nil:
            await stop()
            throw CancellationError()
        }
    }

    /// Stops serving (requests in flight finish first).
    public func stop() async {
        let (task, group) = running.withLock { state in
            defer { state = (nil, nil) }
            return state
        }
        await group?.triggerGracefulShutdown()
        await task?.value
    }
}
