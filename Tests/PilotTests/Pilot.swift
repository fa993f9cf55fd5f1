import DashboardKit
import DashboardRuntime
import Foundation
@testable import ICWSClient
import ICWSSimulator
import ICWSWire
import Logging
import Testing

/// The dashboard run headless, like Textual's `run_test` or Bubble Tea's teatest: the real runtime
/// and job service against the real simulator over loopback, frames on a `GridSurface`, keys and
/// resizes scripted. `runUntilQuiet()` returns once no effect is in flight and the mailbox is
/// empty; `waitFor` waits on the wake for a condition of the screen or the state. No sleeps: every
/// wait ends on an event, with a generous deadline only as a safety net.
final class Pilot {
    static let deadline: Duration = .seconds(30)

    let runtime: DashboardRuntime
    private let display: GridDisplay
    private let wake = AsyncWake()
    private let wakeups: WakeIterator
    /// Why the dashboard ended, once it has.
    private(set) var outcome: DashboardOutcome?

    /// A pilot on a started simulator (frozen job clock unless `speed` is set), logged in as `user`.
    /// `refreshInterval`: how often the job service checks for new jobs (nil: never).
    convenience init(simulator: ICWSSimulator, width: Int = 160, height: Int = 45, user: String = "admin",
                     password: String = "admin-secret", readOnly: Bool = false, refreshInterval: Duration? = nil) throws {
        try self.init(options: DashboardOptions(readOnly: readOnly, server: "pilot", user: user), simulators: [simulator], width: width,
                      height: height, user: user, password: password, refreshInterval: refreshInterval)
    }

    /// A pilot on the server at 127.0.0.1:`port` (a `FaultProxy` in front of a simulator), with a
    /// short request timeout so a fault that never answers ends quickly.
    convenience init(port: Int, requestTimeout: Duration, width: Int = 160, height: Int = 45) throws {
        try self.init(options: DashboardOptions(server: "pilot", user: "admin"), ports: [port], width: width, height: height,
                      requestTimeout: requestTimeout)
    }

    convenience init(options: DashboardOptions, simulators: [ICWSSimulator], width: Int = 160, height: Int = 45,
                     user: String = "admin", password: String = "admin-secret", refreshInterval: Duration? = nil,
                     color: Bool = true, histories: [any HistoryStore] = []) throws {
        try self.init(options: options, ports: simulators.map { $0.port ?? 0 }, width: width, height: height, user: user,
                      password: password, refreshInterval: refreshInterval, color: color, histories: histories)
    }

    /// A pilot on several started simulators, one context each (in the order of `options.contexts`):
    /// one job service per simulator behind the fan-out, as the terminal runs several servers.
    /// `streamIdleTimeout`: how long a silent event stream is trusted before the server's ping
    /// interval has been seen (the feed's default is 90 s); `policy` replaces the feed's whole
    /// connection policy; `pollInterval` is the feed's polling interval on a server without event
    /// streams (2 s by default); `connectionClock`: what each server's session, feed and job service
    /// wait on (the system's by default; a `ManualClock` moves only when the test moves it, and
    /// then the program's own backoff and budget apply).
    init(options: DashboardOptions, ports: [Int], width: Int = 160, height: Int = 45, user: String = "admin",
         password: String = "admin-secret", requestTimeout: Duration? = nil, refreshInterval: Duration? = nil,
         streamIdleTimeout: Duration? = nil, policy: ConnectionPolicy? = nil, pollInterval: Duration = .seconds(2),
         connectionClock: (any TimerClock)? = nil, color: Bool = true, histories: [any HistoryStore] = [],
         returnFreedMemory: @escaping () -> Void = {}) throws {
        display = GridDisplay(width: width, height: height, color: color)
        wakeups = WakeIterator(wake.stream)
        let services: [any JobService] = try ports.enumerated().map { index, port in
            var configuration = ICWSClientConfiguration(
                server: ICWSServer(scheme: "http", host: "127.0.0.1", port: port),
                credentials: ICWSCredentials(user: user, password: password))
            if let requestTimeout { configuration.requestTimeout = requestTimeout }
            configuration.logger = Self.logger("client\(index)")
            if let connectionClock {
                configuration.clock = connectionClock
            } else {
                // On the system's clock, reconnections in tests wait milliseconds, not seconds;
                // the rule is the same.
                configuration.backoff = Backoff(base: .milliseconds(20), cap: .milliseconds(300))
            }
            let session = try ICWSSession(configuration: configuration)
            var feedPolicy = policy ?? (connectionClock == nil ? Self.policy : ConnectionPolicy())
            if let streamIdleTimeout { feedPolicy.streamIdleTimeout = streamIdleTimeout * 2 }
            let feed = JobStatusFeed(session: session, pollInterval: pollInterval, policy: feedPolicy)
            return ICWSJobService(session: session, context: ContextID(index), feed: feed,
                                  logger: Self.logger("service\(index)"), refreshInterval: refreshInterval,
                                  history: histories.indices.contains(index) ? histories[index] : nil)
        }
        runtime = DashboardRuntime(options: options, display: display,
                                   service: services.count == 1 ? services[0] : ServiceFanOut(services), wake: wake,
                                   returnFreedMemory: returnFreedMemory)
    }

    /// The feed's policy in tests: the budget's window shrinks with the backoff (6 reconnections in
    /// 3 s, not a minute), so a server restarted on a loaded machine is reached again in time.
    static var policy: ConnectionPolicy {
        var policy = ConnectionPolicy()
        policy.budgetWindow = .seconds(3)
        return policy
    }

    /// Silent, unless `PILOT_LOG` is set: then every request and reconnection at debug level on
    /// standard error (`PILOT_LOG=1 swift test --filter ...` to see what a failing flow did).
    static func logger(_ label: String) -> Logger {
        guard ProcessInfo.processInfo.environment["PILOT_LOG"] != nil else {
            return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
        }
        var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = .debug
        return logger
    }

    /// Starts the dashboard and runs until quiet (logged in, first page and configuration loaded).
    func start() async throws {
        runtime.start()
        try await runUntilQuiet()
    }

    var screen: String { display.grid.text }
    /// The frame's cells with their styles (as `--no-color` or `NO_COLOR` leave them when `color` is false).
    var grid: GridSurface { display.grid }
    var state: DashboardState { runtime.state }

    func press(_ keys: Key...) async throws {
        for key in keys { try step([.key(key)]) }
        try await runUntilQuiet()
    }

    func type(_ text: String) async throws {
        for character in text { try step([.key(.char(character))]) }
        try await runUntilQuiet()
    }

    /// Applies keys at once, without waiting for anything in flight: the dashboard must answer
    /// them while a request hangs. Returns how the dashboard ended, if a key ended it.
    @discardableResult
    func hit(_ keys: Key...) throws -> DashboardOutcome? {
        for key in keys { try step([.key(key)]) }
        return outcome
    }

    /// Keys read from the terminal at once: applied in turn, one frame drawn after them.
    @discardableResult
    func hit(burst keys: [Key]) throws -> DashboardOutcome? {
        try step(keys.map { .key($0) })
        return outcome
    }

    /// A resize applied at once (see `hit`).
    func resizeNow(width: Int, height: Int) throws {
        try step([.resize(width: width, height: height)])
    }

    func resize(width: Int, height: Int) async throws {
        try step([.resize(width: width, height: height)])
        try await runUntilQuiet()
    }

    /// Applies posted events until no effect is in flight and nothing waits in the mailbox.
    func runUntilQuiet() async throws {
        try await waitFor("the dashboard to become quiet") { _ in runtime.isQuiet }
    }

    /// Applies posted events (waking on each post) until `condition` holds.
    func waitFor(_ what: String, _ condition: (Pilot) -> Bool) async throws {
        let timer = Self.alarm(wake, after: Self.deadline)
        defer { timer.cancel() }
        let start = ContinuousClock.now
        while true {
            try step([])
            if condition(self) { return }
            if ContinuousClock.now - start >= Self.deadline {
                Issue.record("timed out waiting for \(what); screen:\n\(screen)")
                throw PilotTimeout()
            }
            _ = await wakeups.next()
        }
    }

    /// Runs the dashboard for `duration`, applying what the service posts as it comes and calling
    /// `watch` after every step (e.g. to see whether the header ever says "reconnecting").
    func run(for duration: Duration, watch: (Pilot) -> Void) async throws {
        let end = ContinuousClock.now + duration
        let timer = Self.alarm(wake, after: duration)
        defer { timer.cancel() }
        repeat {
            try step([])
            watch(self)
            if ContinuousClock.now >= end { return }
            _ = await wakeups.next()
        } while true
    }

    /// Wakes the pilot once the deadline has passed, so a wait that nothing else ends can fail.
    private static func alarm(_ wake: AsyncWake, after deadline: Duration) -> Task<Void, Never> {
        Task {
            try? await Task.sleep(for: deadline)
            wake.signal()
        }
    }

    /// Waits until every change is drawn: a key's frame may wait for the frame interval when a
    /// frame of a server change is already waiting.
    func drawn() async throws {
        try await waitFor("the frame drawn") { !$0.runtime.frameIsWaiting }
    }

    /// The screen row of the selection marker, nil when none is drawn.
    var selectedLine: Int? {
        screen.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("▶") }
    }

    /// Waits until the screen shows `text`.
    func waitFor(text: String) async throws {
        try await waitFor("'\(text)' on the screen") { $0.screen.contains(text) }
    }

    /// The list row (left of the detail pane) that shows `text`, empty when none does.
    func listRow(containing text: String) -> String {
        screen.split(separator: "\n")
            .map { String($0.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false)[0]) }
            .first { $0.contains(text) } ?? ""
    }

    /// Logs out and stops the service; the simulator is the caller's.
    func stop() async {
        await runtime.stop()
    }

    private func step(_ inputs: [TerminalEvent]) throws {
        guard outcome == nil else { return }
        outcome = runtime.step(inputs)
    }
}

struct PilotTimeout: Error {}

/// The one reader of the wake stream (the pilot's task; `@unchecked` as nothing else touches it).
final class WakeIterator: @unchecked Sendable {
    private var iterator: AsyncStream<Void>.Iterator
    init(_ stream: AsyncStream<Void>) { iterator = stream.makeAsyncIterator() }
    func next() async -> Void? { await iterator.next() }
}

/// The pilot's wake: an async signal the pilot awaits.
final class AsyncWake: WakeSignal {
    let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func signal() { continuation.yield() }
    func clear() {}
}

/// Frames on a grid; a resize starts a new grid of the new size.
final class GridDisplay: Display {
    private(set) var grid: GridSurface
    let renderOptions: (glyphs: Glyphs, color: Bool)

    init(width: Int, height: Int, color: Bool = true) {
        grid = GridSurface(width: width, height: height)
        renderOptions = (.unicode, color)
    }

    var surface: any Surface { grid }
    func present() {}
    func resize(width: Int, height: Int) { grid = GridSurface(width: width, height: height) }
}

/// A simulator with a frozen job clock on loopback, stopped after `body` whatever happens.
func withSimulator<T>(_ change: (inout SimulatorConfiguration) -> Void = { _ in },
                      _ body: (ICWSSimulator) async throws -> T) async throws -> T {
    var configuration = SimulatorConfiguration(jobCount: 60, speed: 0)
    change(&configuration)
    let simulator = ICWSSimulator(configuration: configuration)
    _ = try await simulator.start()
    return try await finally(await body(simulator)) { await simulator.stop() }
}

/// Runs `body` with a started pilot, always stopping it.
func withPilot<T>(_ simulator: ICWSSimulator, width: Int = 160, height: Int = 45, readOnly: Bool = false,
                  _ body: (Pilot) async throws -> T) async throws -> T {
    let pilot = try Pilot(simulator: simulator, width: width, height: height, readOnly: readOnly)
    try await pilot.start()
    return try await finally(await body(pilot)) { await pilot.stop() }
}

/// Awaits `work`, then `cleanup`, whether `work` threw or not.
func finally<T>(_ work: @autoclosure () async throws -> T, _ cleanup: () async -> Void) async throws -> T {
    do {
        let result = try await work()
        await cleanup()
        return result
    } catch {
        await cleanup()
        throw error
    }
}

/// A small valid job configuration.
func sampleJob(_ name: String) -> JobConfig {
    JobConfig(name: name, submittedUserId: "jdoe",
              tables: [DataSetConfig(name: "InteractionSummary", dateTimeFilterColumn: "StartDateTimeUTC",
                                     column: [ColumnRef(name: "InteractionIDKey")])],
              startTimeFilter: Date(timeIntervalSince1970: 1_700_000_000),
              endTimeFilter: Date(timeIntervalSince1970: 1_700_086_400))
}
