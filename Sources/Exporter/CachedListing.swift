import HistoryCache
import HistorySync
import ICWSWire

/// A server's jobs listed through its history cache (docs/exporter.md, "History cache"): the
/// cache is brought up to date by `HistorySync`, the one sync the insight commands use (a start
/// against an unchanged server: one page; a later listing, only the newest pages of `pageSize`, as
/// without a cache), then the jobs the follower does not know yet are read newest first, those
/// not ended from the sync, then the cached (ended) ones from the file, down to the first cached
/// one it knows, or `limit` jobs; jobs the cache keeps marked purged are left out. New ended jobs
/// the sync meets are filed in the cache, so the next start stays warm.
struct CachedListing: Sendable {
    let sync: HistorySync
    let cache: HistoryCache
    /// The page of a later listing.
    let pageSize: Int

    /// The jobs handed to `file` at a time (with their configurations); only their ids and states are kept.
    static let batch = 1000

    /// Hands the jobs not known (`knows`) to `file` in batches, newest first, and returns what the
    /// tally reads of each, newest first. `first`: the follower knows no job yet (the whole sync).
    func list(first: Bool, limit: Int, knows: (String) -> Bool,
              file: ([(status: JobStatus, config: JobConfig?)]) -> Void) async throws -> [JobTally.Seen] {
        let live = try await first ? sync.sync(cache: cache) : sync.syncNewest(cache: cache, pageSize: pageSize)
        var fresh: [JobTally.Seen] = []
        var batch: [(status: JobStatus, config: JobConfig?)] = []
        func add(_ status: JobStatus, _ config: JobConfig?) {
            fresh.append(JobTally.Seen(status))
            batch.append((status, config))
            if batch.count >= Self.batch {
                file(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        for job in live {
            guard fresh.count < limit else { break }
            if let status = job.jobStatus, !knows(status.id) { add(status, job.jobConfig) }
        }
        try cache.readJobs { cached in
            // A purged job (the server no longer lists it) is not the server's any more: not followed.
            for job in cached where !job.purged {
                guard fresh.count < limit, !knows(job.status.id) else { break }
                add(job.status, job.config)
            }
        }
        if !batch.isEmpty { file(batch) }
        return fresh
    }
}
