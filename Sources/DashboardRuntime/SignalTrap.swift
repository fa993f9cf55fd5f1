import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one owner of termination signals while a command or the dashboard runs: each trapped
/// signal is handed to `onSignal` (from a dispatch queue) and to `next()`, so the program can stop
/// its work, restore the terminal and log out instead of being killed.
///
/// While the trap exists the signals' default action is off; `cancel()` restores it. SIGWINCH and
/// SIGTSTP are never trapped: ncurses turns resizes into KEY_RESIZE and handles Ctrl-Z itself.
/// (`@unchecked`: dispatch sources are thread-safe but not marked `Sendable`; the stored
/// properties are set once, `cancelled` only under the lock of `cancelOnce`.)
public final class SignalTrap: @unchecked Sendable {
    /// SIGINT, for callers that do not import the C library.
    public static let interruptSignal = SIGINT
    public static let hangupSignal = SIGHUP
    /// What the dashboard traps: Ctrl-C, `kill`, and the terminal hanging up.
    public static let dashboardSignals = [SIGINT, SIGTERM, SIGHUP]

    private let signals: [Int32]
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>
    private let cancelOnce = DispatchQueue(label: "dxtop.signal-trap.cancel")
    private var cancelled = false

    public init(_ signals: [Int32] = [SIGINT, SIGTERM], onSignal: (@Sendable (Int32) -> Void)? = nil) {
        self.signals = signals
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        let queue = DispatchQueue(label: "dxtop.signal-trap")
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                onSignal?(number)
                continuation.yield(number)
            }
            source.resume()
            return source
        }
    }

    /// Returns the first trapped signal, or nil if the waiting task was cancelled first.
    public func next() async -> Int32? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }

    /// Stops trapping and restores the default actions. Safe to call more than once.
    public func cancel() {
        let first = cancelOnce.sync { () -> Bool in
            defer { cancelled = true }
            return !cancelled
        }
        guard first else { return }
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
