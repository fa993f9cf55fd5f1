import Synchronization

/// Whether an open event stream is still alive, judged by the server's own ping rhythm.
///
/// The ping interval is learnt from the stream (the longest gap seen between pings, the first
/// measured from the opening); until one is seen, `fallbackGap` stands in. Silent for three
/// intervals the stream is stale; for six it is given up and reopened.
struct StreamLiveness: Sendable {
    enum Verdict: Equatable {
        case fine
        /// Just went stale, silent for this long.
        case becameStale(Duration)
        case dead(Duration)
    }

    let fallbackGap: Duration
    private var lastHeard: ContinuousClock.Instant
    private var lastPing: ContinuousClock.Instant
    private var pingGap: Duration?
    private(set) var isStale = false
    /// A ping or a message (other than "session ended") arrived: the stream works.
    private(set) var proven = false
    /// The reconnection time the server asked for (`retry:`), if it did.
    var serverRetry: Duration?

    init(openedAt now: ContinuousClock.Instant, fallbackGap: Duration) {
        self.fallbackGap = fallbackGap
        lastHeard = now
        lastPing = now
    }

    var staleAfter: Duration { (pingGap ?? fallbackGap) * 3 }
    var deadAfter: Duration { staleAfter * 2 }

    /// Bytes arrived (with `pings` ping comments among them, and `healthy` when a ping or a
    /// message proved the stream). Returns true when this ends a stale spell.
    mutating func heard(pings: Int, healthy: Bool, at now: ContinuousClock.Instant) -> Bool {
        lastHeard = now
        if pings > 0 {
            pingGap = max(pingGap ?? .zero, now - lastPing)
            lastPing = now
        }
        if healthy || pings > 0 { proven = true }
        defer { isStale = false }
        return isStale
    }

    mutating func check(at now: ContinuousClock.Instant) -> Verdict {
        let silent = now - lastHeard
        if silent > deadAfter { return .dead(silent) }
        if silent > staleAfter, !isStale {
            isStale = true
            return .becameStale(silent)
        }
        return .fine
    }
}

/// A `Mutex` that tasks can share (a `Mutex` itself cannot be captured by escaping closures).
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) { mutex = Mutex(value) }

    func withLock<T: Sendable>(_ body: (inout sending Value) throws -> sending T) rethrows -> T {
        try mutex.withLock(body)
    }
}
