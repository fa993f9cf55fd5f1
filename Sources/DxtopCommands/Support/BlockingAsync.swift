import Dispatch
import Synchronization

/// Runs async work from a synchronous command and blocks the calling thread until it is done.
///
/// The commands are synchronous `ParsableCommand`s so that the dashboard can own the real main
/// thread (its curses loop is synchronous). The work runs on the cooperative pool; the caller (the
/// main thread, which is not a pool thread) waits on a semaphore, so this cannot deadlock the pool.
enum BlockingAsync {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let result: Result<T, any Error>
            do {
                result = .success(try await work())
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        // The semaphore guarantees the result was stored.
        return try outcome.withLock { $0! }.get()
    }
}
