/// The request budget of one server's connection: at most `limit` reconnections in any `window`,
/// whatever the server does. Pure; the feed asks it when its next reconnection may go.
struct ReconnectionBudget: Sendable {
    let limit: Int
    let window: Duration
    private var recent: [ContinuousClock.Instant] = []

    init(limit: Int, window: Duration) {
        self.limit = max(1, limit)
        self.window = window
    }

    /// The earliest instant, not before `wanted`, at which a reconnection keeps within the budget;
    /// the reconnection is recorded at that instant.
    mutating func admit(wanted: ContinuousClock.Instant) -> ContinuousClock.Instant {
        recent.removeAll { $0 <= wanted - window }
        var at = wanted
        if recent.count >= limit { at = max(wanted, recent[recent.count - limit] + window) }
        recent.append(at)
        return at
    }
}

/// Streams that end soon after they opened. More than `limit` within `window` and the stream is
/// unstable: the feed polls for a while instead.
struct StreamFlaps: Sendable {
    let limit: Int
    let window: Duration
    let shortLived: Duration
    private var flaps: [ContinuousClock.Instant] = []

    init(policy: ConnectionPolicy) {
        limit = policy.flapLimit
        window = policy.flapWindow
        shortLived = policy.shortLivedStream
    }

    /// A stream opened at `opened` ended at `now`; true when the stream is now unstable (the
    /// history is then cleared, so the stream gets a fresh start after the polling period).
    mutating func streamEnded(opened: ContinuousClock.Instant, at now: ContinuousClock.Instant) -> Bool {
        guard now - opened < shortLived else { return false }
        flaps.removeAll { $0 <= now - window }
        flaps.append(now)
        guard flaps.count > limit else { return false }
        flaps.removeAll()
        return true
    }
}
