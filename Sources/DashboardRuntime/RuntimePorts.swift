import DashboardKit
import Foundation
import ICWSClient
import ICWSWire

/// What the terminal (or a pilot script) hands the runtime.
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// The terminal went away (SSH drop): end the dashboard.
    case hangup
    /// Reading input failed for good (the reason, one line).
    case failed(String)
}

/// Where keys and resizes come from.
public protocol InputSource: AnyObject {
    /// Blocks until input arrives or the runtime's wake is signalled; returns what was read
    /// (nothing after a bare wake-up).
    func waitForInput() -> [TerminalEvent]
}

/// Where frames go: the runtime renders the whole frame into `surface`, then calls `present()`.
public protocol Display: AnyObject {
    var surface: any Surface { get }
    var renderOptions: (glyphs: Glyphs, color: Bool) { get }
    func present()
    /// The terminal was resized: the surface takes the new size.
    func resize(width: Int, height: Int)
    /// The next `present` redraws every cell (`Effect.repaintAll`, Ctrl-L).
    func repaintAll()
    /// Bytes for the terminal itself (OSC 52), written once the next frame is out.
    func writeAfterFrame(_ bytes: [UInt8])
}

extension Display {
    /// A display that always draws whole frames has nothing to forget.
    public func repaintAll() {}
    /// A display with no terminal behind it has nowhere to send them.
    public func writeAfterFrame(_ bytes: [UInt8]) {}
}

/// What reaches the loop from off it.
public enum RuntimeEvent: Sendable {
    /// A result or a change of the connection, for the update function.
    case action(Action)
    /// The dashboard cannot go on (bad credentials, unsupported server).
    case fatal(Failure)
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case signal(Int32)
}

/// Why the dashboard ended.
public enum DashboardOutcome: Sendable, Equatable {
    /// The operator quit (`q`, Ctrl-C, SIGINT).
    case quit
    /// SIGTERM or SIGHUP.
    case signal(Int32)
    /// The terminal went away.
    case hangup
    /// The terminal could not be set up or read (the reason, one line).
    case terminalFailed(String)
    /// The server refused the dashboard for good.
    case failed(Failure)
}

/// The server side of the dashboard: one session and its feed. Results come back as actions;
/// what the service learns on its own (statuses, connection changes) goes through `post`.
///
/// One instance serves one server; several servers are several services behind a `ServiceFanOut`,
/// each with its own session, feed and backoff. The runtime runs every effect as its own task, so
/// none holds up another.
public protocol JobService: Sendable {
    /// Opens the connection and keeps it (login, re-login, reconnect, the periodic check of the
    /// newest page), posting what happens.
    func start(posting post: @escaping @Sendable (RuntimeEvent) -> Void)
    /// Carries out one request effect; returns the action that reports its result, or nil.
    func perform(_ effect: Effect) async -> Action?
    /// Stops every task, then logs out.
    func stop() async
}

/// A server's history kept between runs (the history cache, docs/insight.md): read once at the
/// start, fed with the pages the dashboard reads. The runtime knows it only by this port, so it
/// needs no database; the launcher hands each server's job service its own.
public protocol HistoryStore: Sendable {
    /// Set when the store cannot be used or was rebuilt: one line for the status line.
    var warning: String? { get }
    /// Brings the stored history up to date with the server (`reading`, the service's session) and
    /// hands it over in slices, newest first, each older than the one before; only the last may
    /// say `complete`. Hands nothing when it holds nothing (a cold start: the pages the dashboard
    /// reads fill it).
    func restore(reading session: ICWSSession, handing slice: (RestoredHistory) -> Void) async throws
    /// A page the dashboard read (`olderThan` nil: the newest), `requested` jobs long, to keep.
    /// `walkGoesOn`: the next page of a history walk is on its way; the store may hold this one
    /// back to keep it with the next ones, and returns at once unless too many wait. Otherwise it
    /// returns once the page, and every one held before it, is stored (or given up).
    func file(_ page: JobPage, olderThan: String?, requested: Int, walkGoesOn: Bool) async
    /// Stores what `file` held back, without waiting (a walk that stopped).
    func fileHeld()
    /// Returns once every page handed to `file` is stored (the end of a run).
    func flush()
}

/// A slice of what a history store holds: ended jobs, newest first, with their configurations.
public struct RestoredHistory: Sendable {
    public var jobs: [JobStatus]
    public var configs: [String: JobConfig]
    /// The last slice, and the server's whole history (a walk once reached its oldest job).
    public var complete: Bool

    public init(jobs: [JobStatus], configs: [String: JobConfig], complete: Bool) {
        self.jobs = jobs
        self.configs = configs
        self.complete = complete
    }
}
