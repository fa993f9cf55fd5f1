import ICWSWire

/// A warm read: bringing a cache that holds jobs up to date with the server's list (docs/insight.md,
/// "History cache"). The reading is the caller's (the CLI's history load and the dashboard's start
/// share this walk), so the module stays free of HTTP.
extension HistoryCache {
    /// What a warm read brought in.
    public struct Refresh: Sendable {
        /// The jobs not ended, on the pages read and among the pending ones asked for again.
        public var live: [Job] = []
        /// A page reached a cached job; false: the whole list was read without meeting one (and
        /// the cache now holds the whole history).
        public var reachedCache = false
        public var update = CacheUpdate()
    }

    /// The newest pages, one at a time (`page(from)`: the page after job `from`, nil for the
    /// newest), until one holds a job the cache has ended; they are filed together once the walk
    /// has met the cache, so a walk cut short by a failure leaves no gap between what it read and
    /// what was cached. Then each job left pending at the last read and not on those pages, by id
    /// (`job(id)`: nil when the server no longer has it, which forgets it).
    public func refresh(page: (String?) async throws -> [Job], job: (String) async throws -> Job?) async throws -> Refresh {
        var refresh = Refresh()
        var pages: [[Job]] = []
        var from: String?
        var previous: Set<String> = []
        while true {
            let fresh = try await page(from).filter { job in job.id.map { !previous.contains($0) } ?? false }
            guard !fresh.isEmpty else { break }
            pages.append(fresh)
            if try !known(fresh.compactMap(\.id)).isEmpty {
                refresh.reachedCache = true
                break
            }
            from = fresh.last?.id
            previous = Set(fresh.compactMap(\.id))
        }
        for fresh in pages {
            try file(fresh, in: &refresh.update)
            refresh.live += fresh.filter { $0.jobStatus?.state?.hasEnded != true }
        }
        if !refresh.reachedCache { try setHoldsWholeHistory() }
        for id in try pendingIds().sorted() where !refresh.update.seen.contains(id) {
            guard let found = try await job(id) else {
                try forgetPending(id)
                continue
            }
            try file([found], in: &refresh.update)
            if found.jobStatus?.state?.hasEnded != true { refresh.live.append(found) }
        }
        return refresh
    }
}
