import Foundation
import ICWSClient
import Synchronization

/// A clock that moves only when told: `sleep` returns once `advance` has moved it past the
/// deadline. Tests give it to the runtime or to a session's configuration and move time instead of
/// shrinking the waits; no test sleeps.
public final class ManualClock: TimerClock {
    private struct Sleeper {
        let id: Int
        let until: ContinuousClock.Instant
        let continuation: CheckedContinuation<Void, Never>
    }
    private struct State {
        var offset: Duration = .zero
        var sleepers: [Sleeper] = []
        /// The length of every sleep started so far.
        var durations: [Duration] = []
        var nextId = 0
    }
    private let start: Date
    private let origin: ContinuousClock.Instant
    private let state = Mutex(State())
    /// Yields each time a sleep starts.
    private let (sleeps, sleepStarted) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    private let sleepsIterator: Iterator

    public init(start: Date) {
        self.start = start
        origin = .now
        sleepsIterator = Iterator(sleeps)
    }

    public func now() -> Date {
        start.addingTimeInterval(Self.seconds(state.withLock(\.offset)))
    }

    public var instant: ContinuousClock.Instant { origin + state.withLock(\.offset) }

    /// Throws `CancellationError` at once when the task is cancelled, like `Task.sleep`.
    public func sleep(until deadline: ContinuousClock.Instant) async throws {
        let id = state.withLock { state in
            defer { state.nextId += 1 }
            return state.nextId
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let due = state.withLock { state in
                    let now = origin + state.offset
                    state.durations.append(deadline - now)
                    if deadline > now, !Task.isCancelled {
                        state.sleepers.append(Sleeper(id: id, until: deadline, continuation: continuation))
                        return false
                    }
                    return true
                }
                if due { continuation.resume() }
                sleepStarted.yield()
            }
        } onCancel: {
            let cancelled = state.withLock { state in
                let found = state.sleepers.filter { $0.id == id }
                state.sleepers.removeAll { $0.id == id }
                return found
            }
            for sleeper in cancelled { sleeper.continuation.resume() }
        }
        try Task.checkCancellation()
    }

    /// Timers waiting for the clock to move.
    public var sleepers: Int { state.withLock(\.sleepers.count) }

    /// Sleeps started so far of at most `duration`.
    public func sleeps(upTo duration: Duration) -> Int { state.withLock { $0.durations.filter { $0 <= duration }.count } }

    /// Sleeps started so far of exactly `duration`.
    public func sleeps(of duration: Duration) -> Int { state.withLock { $0.durations.filter { $0 == duration }.count } }

    /// Moves the clock on, waking every sleep whose deadline it passed.
    public func advance(by duration: Duration) {
        let due = state.withLock { state in
            state.offset += duration
            let now = origin + state.offset
            let due = state.sleepers.filter { $0.until <= now }
            state.sleepers.removeAll { $0.until <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Returns true once at least `count` timers wait for the clock to move; false when `deadline`
    /// (a safety net, real time) passed first.
    public func waitForSleepers(_ count: Int, deadline: Duration = .seconds(30)) async -> Bool {
        let alarm = Task { [sleepStarted] in
            try? await Task.sleep(for: deadline)
            sleepStarted.yield()
        }
        defer { alarm.cancel() }
        let begun = ContinuousClock.now
        while sleepers < count {
            if ContinuousClock.now - begun >= deadline { return false }
            await sleepsIterator.next()
        }
        return true
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// One waiter at a time reads the stream of started sleeps.
    private final class Iterator: @unchecked Sendable {
        private var iterator: AsyncStream<Void>.Iterator
        init(_ stream: AsyncStream<Void>) { iterator = stream.makeAsyncIterator() }
        func next() async { _ = await iterator.next() }
    }
}
