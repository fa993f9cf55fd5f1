import HistoryCache
import HistorySync
import ICWSWire

/// A server's jobs listed through its history cache (docs/exporter.md, "History cache"): the
/// cache is brought up to date and read by `HistorySync.handOver`, as the insight commands and
/// the dashboard do (a start
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
        // A later listing usually stops at the first or second cached job: slices of a page, not
        // of a whole batch, so it does not decode a thousand cached jobs to find one.
        try await sync.handOver(cache: cache, newestPageSize: first ? nil : pageSize, sliceSize: first ? Self.batch : pageSize) { jobs in
            for job in jobs {
                guard fresh.count < limit else { return false }
                if job.status.state?.hasEnded != true {
                    // The jobs not ended, from the sync: those the follower knows are skipped.
                    if !knows(job.status.id) { add(job.status, job.config) }
                } else if !job.purged {
                    // A purged job (the server no longer lists it) is not the server's any more:
                    // not followed. The first cached job the follower knows ends the listing.
                    guard !knows(job.status.id) else { return false }
                    add(job.status, job.config)
                }
            }
            return true
        }
        if !batch.isEmpty { file(batch) }
        return fresh
    }
}
