import DisplayText
import Foundation
import HistoryCache
import ICWSClient
import ICWSWire

/// Brings one server's history cache up to date with the server, at the least cost to it (docs/insight.md,
/// "History cache"). Shared by the insight commands (`HistoryRead` in DxtopCommands), the exporter
/// and the dashboard, which read the result through `handOver`.
///
/// - Cold (an empty cache; one where a walk was cut short after filing jobs that do not join the
///   cached ones, so a gap may lie below them; or one no walk ever filled down to the server's
///   oldest job, such as the pages a dashboard read without `G`): every page, newest first, 1000 jobs with
///   configurations a request, one page read ahead: ⌈jobs / 1000⌉ + 1 requests. Ended jobs are
///   filed in the cache.
/// - Warm: the newest pages, one at a time (no read ahead, so nothing is asked for in vain), until
///   a page holds a job the cache already has ended; then each job left not ended at the last read
///   and not on those pages, by id; then the purge check (below). An unchanged server: one page
///   and one check.
/// - Purge check, at most once an hour: a purge removes the oldest jobs first, so the oldest cached
///   job the server still listed is asked for by id (status only, a few hundred bytes). Only when
///   the server no longer has it is the whole list walked, statuses only, to mark every cached job
///   it no longer lists. A cold walk is itself a check.
public struct HistorySync: Sendable {
    public let session: ICWSSession
    /// The server's name in notes (a context's label).
    public let label: String
    /// One line for the operator (a page's decoding warning, jobs found purged); already safe.
    public let note: @Sendable (String) -> Void

    public init(session: ICWSSession, label: String, note: @escaping @Sendable (String) -> Void) {
        self.session = session
        self.label = label
        self.note = note
    }

    /// Jobs a page: large pages cost the server far fewer requests (100,000 jobs: 100 requests
    /// instead of 3,334).
    public static let pageSize = 1000

    /// Files in `cache` what the server has that it lacks (and marks what the server purged);
    /// returns the jobs not ended, which the cache does not keep, newest first.
    /// `firstPageSize`: the warm read's first page (a client that has just read a newest page of
    /// that size which met the cache: the dashboard); later pages are `pageSize`.
    public func sync(cache: HistoryCache, firstPageSize: Int = pageSize) async throws -> [Job] {
        var update = CacheUpdate()
        var live: [Job]
        if try needsWholeWalk(cache) {
            try cache.setWalkUnfinished(true)
            live = try await walkAll(cache: cache, update: &update)
            try cache.markPurged(exceptSeen: update.seen)
            try cache.setPurgeChecked(at: Date())
            try cache.setWalkUnfinished(false)
            try cache.setHoldsWholeHistory()
        } else {
            let (newest, reachedCache) = try await walkNewest(cache: cache, pageSize: Self.pageSize, firstPageSize: firstPageSize,
                                                              update: &update)
            live = newest
            live += try await refreshPending(cache: cache, update: &update)
            if reachedCache {
                try await checkPurge(cache: cache, seen: update.seen)
            } else {
                try markUnlisted(cache: cache, seen: update.seen)
            }
        }
        return live
    }

    /// For a client that follows the server after a `sync` (the exporter, when a new job appears):
    /// only the newest pages of `pageSize` down to a cached ended job, filed; no pending job asked
    /// for by id (the client follows them), no purge check. Returns the jobs not ended on those
    /// pages. An empty or unfinished cache gets the whole `sync`.
    public func syncNewest(cache: HistoryCache, pageSize: Int) async throws -> [Job] {
        guard try !needsWholeWalk(cache) else { return try await sync(cache: cache) }
        var update = CacheUpdate()
        let (live, reachedCache) = try await walkNewest(cache: cache, pageSize: pageSize, update: &update)
        if !reachedCache { try markUnlisted(cache: cache, seen: update.seen) }
        return live
    }

    private func needsWholeWalk(_ cache: HistoryCache) throws -> Bool {
        try cache.isEmpty() || cache.walkUnfinished() || !cache.holdsWholeHistory()
    }

    /// The whole list was read without meeting a cached job (a server restarted with another
    /// history, say): what it no longer lists is known without a check, and the cache holds all of it.
    private func markUnlisted(cache: HistoryCache, seen: Set<String>) throws {
        report(purged: try cache.markPurged(exceptSeen: seen))
        try cache.setPurgeChecked(at: Date())
        try cache.setHoldsWholeHistory()
    }

    /// Every page into the cache; returns the jobs not ended.
    private func walkAll(cache: HistoryCache, update: inout CacheUpdate) async throws -> [Job] {
        var live: [Job] = []
        for try await page in session.allJobs(pageSize: Self.pageSize, mode: .all) {
            warn(page.warnings)
            update = try await cache.fileOffPool(page.jobs, in: update)
            live += page.jobs.filter { $0.jobStatus?.state?.hasEnded != true }
        }
        return live
    }

    /// The newest pages until one reaches a job the cache has ended; returns the jobs not ended,
    /// and whether a cached job was reached (else the whole list was read). A page that does not
    /// reach the cache marks the walk unfinished until it does, so a walk cut short is done again.
    private func walkNewest(cache: HistoryCache, pageSize: Int, firstPageSize: Int? = nil,
                            update: inout CacheUpdate) async throws -> ([Job], Bool) {
        var live: [Job] = []
        var from: String?
        var previous: Set<String> = []
        var unfinished = false
        while true {
            let page = try await session.jobPage(count: from == nil ? firstPageSize ?? pageSize : pageSize, fromJobId: from, mode: .all)
            warn(page.warnings)
            let fresh = page.jobs.filter { job in job.id.map { !previous.contains($0) } ?? false }
            guard !fresh.isEmpty else { break }
            let reached = try !cache.known(fresh.compactMap(\.id)).isEmpty
            if !reached, !unfinished {
                try cache.setWalkUnfinished(true)
                unfinished = true
            }
            update = try await cache.fileOffPool(fresh, in: update)
            live += fresh.filter { $0.jobStatus?.state?.hasEnded != true }
            if reached {
                if unfinished { try cache.setWalkUnfinished(false) }
                return (live, true)
            }
            from = fresh.last?.id
            previous = Set(fresh.compactMap(\.id))
        }
        if unfinished { try cache.setWalkUnfinished(false) }
        return (live, false)
    }

    /// The jobs not ended at the last read and not on the pages read now, asked for by id; one the
    /// server no longer has is forgotten. Returns those still not ended.
    private func refreshPending(cache: HistoryCache, update: inout CacheUpdate) async throws -> [Job] {
        var live: [Job] = []
        for id in try cache.pendingIds().sorted() where !update.seen.contains(id) {
            do {
                let job = try await session.job(id: id, mode: .all)
                update = try await cache.fileOffPool([job], in: update)
                if job.jobStatus?.state?.hasEnded != true { live.append(job) }
            } catch let error as ICWSError where error.failure.kind == .notFound {
                try cache.forgetPending(id)
            }
        }
        return live
    }

    /// How often a warm run checks for a purge (history retention runs daily at most).
    public static let purgeCheckInterval: TimeInterval = 3600

    private func checkPurge(cache: HistoryCache, seen: Set<String>) async throws {
        let now = Date()
        if let checked = try cache.purgeCheckedAt(), checked <= now, now.timeIntervalSince(checked) < Self.purgeCheckInterval { return }
        try cache.setPurgeChecked(at: now)
        guard let oldest = try cache.oldestListedId(), !seen.contains(oldest) else { return }
        do {
            _ = try await session.job(id: oldest, mode: .status)
        } catch let error as ICWSError where error.failure.kind == .notFound {
            var listed = seen
            for try await page in session.allJobs(pageSize: Self.pageSize, mode: .status) {
                listed.formUnion(page.jobs.compactMap(\.id))
            }
            report(purged: try cache.markPurged(exceptSeen: listed))
        }
    }

    private func report(purged marked: Int) {
        if marked > 0 { note("note: \(marked) jobs of \(OneLine.safe(label)) are no longer listed by the server; kept in the history, marked purged") }
    }

    /// A page's decoding warnings, one line each.
    public func warn(_ warnings: [String]) {
        for warning in warnings { note("warning: " + OneLine.safe(warning)) }
    }
}
