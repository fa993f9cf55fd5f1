import Synchronization

/// Whether an open event stream is still alive, judged by the server's own ping rhythm.
///
/// ICWS documents no ping interval: a server, or a proxy in front of it, may ping as the stream
/// opens, irregularly (after each batch of messages), every second, or never. So the rhythm is
/// learnt cautiously: the gap from the opening to the first ping is not a ping interval and is
/// ignored, and so is a gap with messages in it (a ping that follows messages may be the server's
/// answer to them, not its rhythm: a server that pings only after each batch must not teach the
/// batch spacing). The interval is the longest quiet gap seen between two pings, never taken below
/// `minimumGap`; until such a gap was seen `fallbackGap` stands in. Silent for three intervals the
/// stream is stale; for six it is given up and reopened. A fast or irregular server therefore
/// cannot teach a bound it trips while healthy, and a server that never pings (or pings only
/// after messages) is reopened only after six fallback gaps (docs/icws-choices.md §14).
struct StreamLiveness: Sendable {
    enum Verdict: Equatable {
        case fine
        /// Just went stale, silent for this long.
        case becameStale(Duration)
        case dead(Duration)
    }

    let fallbackGap: Duration
    /// The shortest ping interval ever assumed, however fast the server pings.
    let minimumGap: Duration
    private var lastHeard: ContinuousClock.Instant
    /// The last ping; nil until the first one (the opening is not a ping).
    private var lastPing: ContinuousClock.Instant?
    private var pingGap: Duration?
    /// A message arrived since the last ping: the next ping teaches no interval.
    private var messagesSincePing = false
    private(set) var isStale = false
    /// A ping or a message (other than "session ended") arrived: the stream works.
    private(set) var proven = false
    /// The reconnection time the server asked for (`retry:`), if it did.
    var serverRetry: Duration?

    init(openedAt now: ContinuousClock.Instant, fallbackGap: Duration, minimumGap: Duration) {
        self.fallbackGap = fallbackGap
        self.minimumGap = minimumGap
        lastHeard = now
    }

    var staleAfter: Duration { max(pingGap ?? fallbackGap, minimumGap) * 3 }
    var deadAfter: Duration { staleAfter * 2 }

    /// Bytes arrived (with `pings` ping comments among them, and `healthy` when a message proved
    /// the stream; pings in the same bytes count as following it). Returns true when this ends a
    /// stale spell.
    mutating func heard(pings: Int, healthy: Bool, at now: ContinuousClock.Instant) -> Bool {
        lastHeard = now
        if healthy { messagesSincePing = true }
        if pings > 0 {
            if let lastPing, !messagesSincePing { pingGap = max(pingGap ?? .zero, now - lastPing) }
            lastPing = now
            messagesSincePing = false
        }
        if healthy || pings > 0 { proven = true }
        defer { isStale = false }
        return isStale
    }

    mutating func check(at now: ContinuousClock.Instant) -> Verdict {
        let silent = now - lastHeard
        // Stale is said before dead, even when a late check finds the stream past both bounds
        // (a stalled process), so the consumer always sees the link degrade before it is reopened.
        if silent > staleAfter, !isStale {
            isStale = true
            return .becameStale(silent)
        }
        if silent > deadAfter { return .dead(silent) }
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
