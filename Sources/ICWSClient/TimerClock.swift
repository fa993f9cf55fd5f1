import Foundation

/// The one clock the connection's and the dashboard's timers wait on (backoff, reconnection
/// budget, polling, stream liveness, the new-job check, the dashboard's one-shot timers) and
/// results are stamped with. `SystemClock` in the program; tests give a clock that moves only
/// when they move it, instead of shrinking the waits.
public protocol TimerClock: Sendable {
    /// The wall-clock time, for stamps (when a page or status arrived, what "today" is).
    func now() -> Date
    /// The monotonic time intervals and deadlines count in.
    var instant: ContinuousClock.Instant { get }
    /// Returns once `deadline` has passed on this clock (throws when the task is cancelled).
    func sleep(until deadline: ContinuousClock.Instant) async throws
}

extension TimerClock {
    /// Returns once `duration` has passed on this clock (throws when the task is cancelled).
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: instant + duration)
    }
}

/// The system's time: `Date()` and the continuous clock.
public struct SystemClock: TimerClock {
    public init() {}
    public func now() -> Date { Date() }
    public var instant: ContinuousClock.Instant { .now }
    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        try await Task.sleep(until: deadline, clock: .continuous)
    }
}
