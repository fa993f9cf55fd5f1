import Synchronization

/// Cuts a polling feed's wait short after the consumer did something whose result it expects to
/// see (the operator's own cancel or submit): without it, a polling feed that has backed off to its
/// idle gap would show the change up to that gap later.
final class PollNudge: Sendable {
    private struct Waiting {
        var waiter: CheckedContinuation<Void, Never>?
        /// Asked for while no wait was running: the next wait returns at once.
        var pending = false
    }

    private let waiting = Mutex(Waiting())

    /// Ends the current wait, or the next one.
    func nudge() {
        let waiter = waiting.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns when nudged, or when the task is cancelled.
    func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let now = waiting.withLock { state -> Bool in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            waiting.withLock { state in
                defer { state.waiter = nil }
                return state.waiter
            }?.resume()
        }
    }

    /// Sleeps on `clock` until `deadline`, or less when nudged meanwhile; true when nudged.
    func sleep(on clock: any TimerClock, until deadline: ContinuousClock.Instant) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await clock.sleep(until: deadline); return false }
            group.addTask { await self.wait(); return true }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
    }
}
