import Synchronization
import Foundation
import Hummingbird
import ICWSWire
import Logging
import ServiceLifecycle

/// An ICWS server on loopback speaking the data-extractor subset of the API, with a job engine on its
/// own clock, users with rights, and fault knobs. Start it in-process; `stop()` ends everything it runs.
///
/// A partner (`init(partnerOf:host:port:)`) is a second listener on the same jobs, users and sessions:
/// the switchover partner a client moves to on a 503.
public final class ICWSSimulator: Sendable {
    /// The configuration this simulator (or its primary) was created with.
    public let configuration: SimulatorConfiguration
    let core: SimulatorCore
    /// Requests and answer bytes, shared with a partner.
    let trafficCounter: TrafficCounter
    let faults = ListenerFaults()
    let listenerID = UUID()
    let host: String
    let requestedPort: Int
    /// Only the primary runs the job engine.
    let isPrimary: Bool
    private let running = Mutex<(task: Task<Void, Never>?, group: ServiceGroup?, port: Int?)>((nil, nil, nil))

    public init(configuration: SimulatorConfiguration = .init()) {
        self.configuration = configuration
        self.core = SimulatorCore(configuration: configuration)
        self.trafficCounter = TrafficCounter()
        self.host = configuration.host
        self.requestedPort = configuration.port
        self.isPrimary = true
    }

    /// A second listener (e.g. on 127.0.0.2, same port) that serves the same job store, users and
    /// sessions: the switchover partner. It starts without faults.
    public init(partnerOf primary: ICWSSimulator, host: String, port: Int) {
        self.configuration = primary.configuration
        self.core = primary.core
        self.trafficCounter = primary.trafficCounter
        self.host = host
        self.requestedPort = port
        self.isPrimary = false
    }

    /// The bound port, once started.
    public var port: Int? { running.withLock { $0.port } }

    /// How long `stop()` lets requests in flight finish before it cancels the server outright.
    /// Long: cancelling the server traps in NIO when a connection it accepted was not yet taken up
    /// ("Deinited NIOAsyncWriter without calling finish()"), which a test run whose threads are busy
    /// for 2 s met about one run in two; a client holding an idle connection delays the stop instead.
    static let gracefulStopLimit: Duration = .seconds(10)

    /// `http://HOST:PORT` (port 0 before `start()`).
    public var baseURL: String { "http://\(host):\(port ?? 0)" }

    /// Binds and starts serving; returns the bound port. Starting twice returns the same port.
    @discardableResult
    public func start() async throws -> Int {
        if let port { return port }
        let (ports, portContinuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        let app = Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: requestedPort)),
            onServerRunning: { channel in
                portContinuation.yield(.success(channel.localAddress?.port ?? 0))
            },
            logger: Logger(label: "ICWSSimulator", factory: { _ in SwiftLogNoOpLogHandler() }))
        // Run under a service group so `stop()` can shut down gracefully: cancelling a Hummingbird
        // server while it accepts a connection traps in NIO (NIOAsyncWriter deinit, swift-nio #2813).
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [app], gracefulShutdownSignals: [], cancellationSignals: [],
            logger: Logger(label: "ICWSSimulator", factory: { _ in SwiftLogNoOpLogHandler() })))
        let task = Task<Void, Never> {
            do {
                try await group.run()
                portContinuation.yield(.failure(SimulatorStartError.stoppedBeforeListening))
            } catch {
                portContinuation.yield(.failure(error))
            }
        }
        var iterator = ports.makeAsyncIterator()
        let port: Int
        switch await iterator.next() {
        case .success(let bound)?:
            port = bound
        case .failure(let error)?:
            task.cancel()
            await task.value
            throw error
        case nil:  // the caller was cancelled while the server was starting
            task.cancel()
            await task.value
            throw CancellationError()
        }
        running.withLock { $0 = (task, group, port) }
        await core.registerListener(listenerID, host: host)
        if isPrimary { await core.startEngine() }
        return port
    }

    /// Stops listening: ends this listener's event streams and, on the primary, the job engine.
    public func stop() async {
        let (task, group) = running.withLock { state -> (Task<Void, Never>?, ServiceGroup?) in
            defer { state = (nil, nil, nil) }
            return (state.task, state.group)
        }
        await core.unregisterListener(listenerID)
        if let task, let group {
            await group.triggerGracefulShutdown()
            await Self.cancel(task, after: Self.gracefulStopLimit)
        }
        if isPrimary {
            await core.stopEngine()
            await core.finishObservers()
        }
    }

    /// Waits for `task` to end, cancelling it if it has not ended within `limit`.
    private static func cancel(_ task: Task<Void, Never>, after limit: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await task.value }
            group.addTask {
                do {
                    try await Task.sleep(for: limit)
                    task.cancel()
                } catch {}  // the server ended in time
            }
            await group.next()
            group.cancelAll()
        }
        await task.value
    }

    /// Every job change as the server makes it, for tests that wait on the engine: the delta of each
    /// state change (as subscribers get it) and the full status of each new job. Ends when the
    /// primary stops.
    public func changes() async -> AsyncStream<JobStatus> {
        await core.observe()
    }

    /// Replaces the faults of this listener. With `switchedOver` set, the event streams this
    /// listener serves end at once (their clients must find the partner).
    public func setFaults(_ faults: SimulatorFaults) async {
        await self.faults.set(faults)
        if faults.switchedOver != nil { await core.endStreams(servedBy: listenerID) }
    }

    /// Ends every session (on every listener sharing this simulator's sessions) as a server does
    /// when it drops them: each gets a `connectionStateChangeMessage` (state 1 → 2, `reason`) in its
    /// queue, written to its open event stream, which then ends; afterwards its calls answer 401,
    /// except one poll or stream that takes its last messages. New logins work as before. Returns
    /// how many sessions were ended.
    @discardableResult
    public func endSessions(reason: String = "The session was ended by the server.") async -> Int {
        await core.endSessions(reason: reason)
    }

    /// Expires every session silently (a server's session timeout): no message; each session's next
    /// call answers 401 and its event stream ends. Returns how many sessions expired.
    @discardableResult
    public func expireSessions() async -> Int {
        await core.expireSessions()
    }

    /// The `Accept-Language` header (as sent) and the `applicationName` and `userID` of the last
    /// login request that had a language and a readable body, on this simulator or its partner
    /// (for tests); nil before one.
    public func lastLogin() async -> RecordedLogin? {
        await core.lastLogin
    }

    /// How many logins succeeded so far, on this simulator or its partner (for tests that count
    /// re-logins).
    public func loginCount() async -> Int {
        await core.loginCount
    }

    /// What the server believes about a job (for tests).
    public func jobStatus(id: String) async -> JobStatus? {
        await core.record(id)?.status
    }

    /// The configuration of a job, as stored (submitter forced, id set).
    public func jobConfig(id: String) async -> JobConfig? {
        await core.record(id)?.config
    }

    /// Every job's status, newest first.
    public func allJobStatuses() async -> [JobStatus] {
        await core.allStatuses()
    }

    /// Forces the next lifecycle step of a job now (submitted → queued → started → finished or
    /// failed); nothing for an ended or unknown job. Subscribers get the delta.
    public func advance(jobId: String) async {
        await core.advance(jobId: jobId)
    }

    /// Cancels a job as another client logged in as `userID` would, with the REST call's rules.
    public func cancel(jobId: String, as userID: String) async throws {
        if case .failure(let refusal) = await core.cancel(jobId: jobId, by: userID) { throw refusal }
    }

    /// Requests served so far and the bytes of their answers, per kind of request, on this
    /// simulator and its partner (see `SimulatorTraffic`).
    public func traffic() -> SimulatorTraffic {
        trafficCounter.snapshot
    }

    /// Makes up to `changes` status changes spread over `duration` on the newest jobs that have not
    /// ended (each as `advance(jobId:)` makes it); returns how many it made.
    @discardableResult
    public func burst(changes: Int, over duration: Duration = .seconds(1)) async -> Int {
        await core.burst(changes: changes, over: duration)
    }

    /// Adds a job as if `submittedBy` had POSTed it; returns its id.
    public func addJob(_ config: JobConfig, submittedBy: String) async -> String {
        await core.submit(config, by: submittedBy)
    }

    private func makeRouter() -> Router<SimulatorRequestContext> {
        let router = Router(context: SimulatorRequestContext.self)
        router.add(middleware: TrafficMiddleware(counter: trafficCounter))
        router.add(middleware: LatencyMiddleware(faults: faults))
        if configuration.profile.connectionClose { router.add(middleware: ConnectionCloseMiddleware()) }
        let gate = SessionGate(core: core, faults: faults)
        ConnectionRoutes(core: core, faults: faults, gate: gate, listenerID: listenerID, configuration: configuration)
            .register(on: router)
        JobRoutes(core: core, gate: gate, traffic: trafficCounter).register(on: router)
        DictionaryRoutes(gate: gate, configuration: configuration).register(on: router)
        MessagingRoutes(core: core, gate: gate, listenerID: listenerID, configuration: configuration, traffic: trafficCounter)
            .register(on: router)
        ControlRoutes(core: core, traffic: trafficCounter).register(on: router)
        return router
    }
}

/// Why `start()` failed without an underlying error.
public enum SimulatorStartError: Error, Sendable {
    case stoppedBeforeListening
}
