import Dispatch
import ICWSWire

extension HistoryCache {
    /// Runs `work` on a thread of its own, not one of the cooperative pool's: filing a page of
    /// 1,000 jobs or reading a whole history blocks for as long as SQLite takes, and the pool has
    /// one thread a core, so everything else async (a dashboard's requests, other servers) would
    /// wait behind it.
    /// `queue`: a serial one keeps its works in the order they were asked for.
    public func offPool<T: Sendable>(on queue: DispatchQueue = .global(),
                                     _ work: @escaping @Sendable (HistoryCache) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work(self) }) }
        }
    }

    /// Files `jobs` off the cooperative pool (`offPool`); returns `update` with them.
    public func fileOffPool(_ jobs: [ICWSWire.Job], in update: CacheUpdate) async throws -> CacheUpdate {
        try await offPool { cache in
            var update = update
            try cache.file(jobs, in: &update)
            return update
        }
    }
}
