/// The one rule for waiting before another try (a login, a reopened event stream): exponential
/// with full jitter and a cap. The wait before attempt n is drawn uniformly from
/// 0 … min(cap, base · 2^(n−1)), so many clients that lost the same server do not come back in step.
public struct Backoff: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration

    /// 0.5 s, 1 s, 2 s … at most 30 s (before jitter).
    public init(base: Duration = .milliseconds(500), cap: Duration = .seconds(30)) {
        self.base = base
        self.cap = cap
    }

    /// The longest wait before attempt `attempt` (1, 2, …).
    public func ceiling(attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 20)
        return min(base * (1 << exponent), cap)
    }

    /// A wait for attempt `attempt`: uniform in 0 … `ceiling(attempt:)`, never below `floor` (the
    /// reconnection time a server asked for with the event stream's `retry:` field).
    public func delay(attempt: Int, floor: Duration = .zero) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(attempt: attempt, floor: floor, using: &generator)
    }

    public func delay(attempt: Int, floor: Duration = .zero, using generator: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceiling(attempt: attempt)
        let nanoseconds = ceiling.timeAmount.nanoseconds
        let drawn: Duration = nanoseconds > 0 ? .nanoseconds(Int64.random(in: 0...nanoseconds, using: &generator)) : .zero
        return max(drawn, min(floor, cap))
    }
}
