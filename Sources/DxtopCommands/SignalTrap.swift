import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT/SIGTERM (or any given signals) into an awaitable event, so a command can stop its
/// work and log out (`CommandContext.withSession`), or `simulate` stop, instead of being killed.
///
/// While the trap exists the signals' default action is off; `cancel()` restores it.
/// (`@unchecked`: dispatch sources are thread-safe but not marked `Sendable`; all stored
/// properties are immutable.)
final class SignalTrap: @unchecked Sendable {
    private let signals: [Int32]
    private let sources: [any DispatchSourceSignal]
    private let stream: AsyncStream<Int32>

    /// SIGINT, for callers that do not import the C library.
    static let interruptSignal = SIGINT

    init(_ signals: [Int32] = [SIGINT, SIGTERM]) {
        self.signals = signals
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        self.stream = stream
        let queue = DispatchQueue(label: "dxtop.signal-trap")
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// Returns the first trapped signal, or nil if the waiting task was cancelled first.
    func next() async -> Int32? {
        var iterator = stream.makeAsyncIterator()
        return await iterator.next()
    }

    /// Stops trapping and restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
