import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns SIGINT, SIGTERM and SIGHUP while the dashboard runs: each becomes a call to `onSignal`
/// (from a dispatch queue), so the loop can restore the terminal and log out on every way out.
///
/// SIGWINCH and SIGTSTP stay with ncurses: it turns resizes into KEY_RESIZE and handles Ctrl-Z
/// (restore, suspend, redraw on resume) itself.
final class SignalWatcher {
    static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let sources: [any DispatchSourceSignal]

    init(queue: DispatchQueue = DispatchQueue(label: "dxtop.signals"), onSignal: @escaping @Sendable (Int32) -> Void) {
        sources = Self.watched.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { onSignal(number) }
            source.resume()
            return source
        }
    }

    private var cancelled = false

    /// Stops watching and gives the signals back their default behaviour. Safe to call twice.
    func cancel() {
        guard !cancelled else { return }
        cancelled = true
        for source in sources { source.cancel() }
        for number in Self.watched { signal(number, SIG_DFL) }
    }
}
