import HistoryCache
import ICWSWire

extension HistorySync {
    /// Brings `cache` up to date (`sync`; with `newestPageSize`, `syncNewest`), then hands over the
    /// history newest first: the jobs not ended that the sync read (the cache does not keep them),
    /// then every cached job, purged ones included, in slices of at most `sliceSize`, each read off
    /// the cooperative threads (`HistoryCache.offPool`), so nobody holds the whole history decoded
    /// twice. `body` takes each slice; it returns false to stop.
    ///
    /// The one way the insight commands (`HistoryRead`), the exporter (`CachedListing`) and the
    /// dashboard (`CachedHistoryStore`) read a server's history through its cache.
    /// `firstPageSize`: the whole `sync`'s first warm page (see `sync`).
    public func handOver(cache: HistoryCache, newestPageSize: Int? = nil, firstPageSize: Int = pageSize, sliceSize: Int,
                         _ body: ([CachedJob]) async throws -> Bool) async throws {
        let live = if let newestPageSize { try await syncNewest(cache: cache, pageSize: newestPageSize) }
            else { try await sync(cache: cache, firstPageSize: firstPageSize) }
        let notEnded = live.compactMap { job in job.jobStatus.map { CachedJob(status: $0, config: job.jobConfig) } }
        if !notEnded.isEmpty, try await !body(notEnded) { return }
        let slices = cache.slices(of: sliceSize)
        while let slice = try await cache.offPool({ _ in try slices.next() }) {
            guard try await body(slice) else { return }
        }
    }
}
