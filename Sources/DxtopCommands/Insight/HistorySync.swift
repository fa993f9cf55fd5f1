import DisplayText
import Foundation
import HistoryCache
import ICWSClient
import ICWSWire
import Insight

/// One server's history for the insight commands: its jobs filed into an insight model, read
/// through the history cache when there is one (docs/insight.md, "History cache").
///
/// - Cold (no cache, or an empty one): every page, newest first, 1000 jobs with configurations a
///   request, one page read ahead: ⌈jobs / 1000⌉ + 1 requests. Ended jobs are filed in the cache.
/// - Warm (`HistoryCache.refresh`, shared with the dashboard's start): the newest pages, one at a
///   time (no read ahead, so nothing is asked for in vain), until a page holds a job the cache
///   already has ended; then each job left not ended at the last read and not on those pages, by
///   id; then the purge check (below). An unchanged server: one page
///   and one check.
/// - Purge check, at most once an hour: a purge removes the oldest jobs first, so the oldest cached
///   job the server still listed is asked for by id (status only, a few hundred bytes). Only when
///   the server no longer has it is the whole list walked, statuses only, to mark every cached job
///   it no longer lists. A cold walk is itself a check.
struct HistorySync {
    let session: ICWSSession
    let label: String
    let timeZone: TimeZone

    struct Loaded: Sendable {
        var model: InsightModel
        /// Every job id of the history, newest first (for id prefixes).
        var jobIds: [String]
        /// Jobs in the cache the server no longer lists: shown, never acted on.
        var purged: Set<String>
    }

    func read(cache: HistoryCache?) async throws -> Loaded {
        guard let cache else { return try await readAll() }
        var update = CacheUpdate()
        var live: [Job]
        if try cache.isEmpty() {
            live = try await walkAll(cache: cache, update: &update)
            try cache.markPurged(exceptSeen: update.seen)
            try cache.setPurgeChecked(at: Date())
            try cache.setHoldsWholeHistory()
        } else {
            let refresh = try await cache.refresh(page: newestPage, job: pendingJob)
            update = refresh.update
            live = refresh.live
            if refresh.reachedCache {
                try await checkPurge(cache: cache, seen: update.seen)
            } else {
                // The whole list was read without meeting a cached job (a server restarted with
                // another history, say): what it no longer lists is known without a check.
                report(purged: try cache.markPurged(exceptSeen: update.seen))
                try cache.setPurgeChecked(at: Date())
            }
        }
        var model = InsightModel(timeZone: timeZone)
        var jobIds = live.compactMap(\.id)
        var purged: Set<String> = []
        let label = label
        model.record(contentsOf: live.compactMap { job in job.jobStatus.map { (server: label, status: $0, config: job.jobConfig) } })
        // One pass over the cursor into one record(contentsOf:): each series is ordered once.
        try cache.readJobs { jobs in
            model.record(contentsOf: jobs.lazy.map { job in
                jobIds.append(job.status.id)
                if job.purged { purged.insert(job.status.id) }
                return (server: label, status: job.status, config: job.config)
            })
        }
        let loaded = Loaded(model: model, jobIds: jobIds, purged: purged)
        return loaded
    }

    /// Without a cache: every page, filed as it arrives, so no page is kept.
    private func readAll() async throws -> Loaded {
        var loaded = Loaded(model: InsightModel(timeZone: timeZone), jobIds: [], purged: [])
        for try await page in session.allJobs(pageSize: JobPageWalk.allPageSize, mode: .all) {
            note(page.warnings)
            loaded.add(page.jobs.compactMap { job in job.jobStatus.map { ($0, job.jobConfig) } }, server: label)
        }
        return loaded
    }

    /// Every page into the cache; returns the jobs not ended.
    private func walkAll(cache: HistoryCache, update: inout CacheUpdate) async throws -> [Job] {
        var live: [Job] = []
        for try await page in session.allJobs(pageSize: JobPageWalk.allPageSize, mode: .all) {
            note(page.warnings)
            try cache.file(page.jobs, in: &update)
            live += page.jobs.filter { $0.jobStatus?.state?.hasEnded != true }
        }
        return live
    }

    /// A page of the warm read: the page after job `from` (nil: the newest), with configurations.
    private func newestPage(from: String?) async throws -> [Job] {
        let page = try await session.jobPage(count: JobPageWalk.allPageSize, fromJobId: from, mode: .all)
        note(page.warnings)
        return page.jobs
    }

    /// A job left pending at the last read; nil when the server no longer has it.
    private func pendingJob(id: String) async throws -> Job? {
        do {
            return try await session.job(id: id, mode: .all)
        } catch let error as ICWSError where error.failure.kind == .notFound {
            return nil
        }
    }

    /// How often a warm run checks for a purge (history retention runs daily at most).
    static let purgeCheckInterval: TimeInterval = 3600

    private func checkPurge(cache: HistoryCache, seen: Set<String>) async throws {
        let now = Date()
        if let checked = try cache.purgeCheckedAt(), checked <= now, now.timeIntervalSince(checked) < Self.purgeCheckInterval { return }
        try cache.setPurgeChecked(at: now)
        guard let oldest = try cache.oldestListedId(), !seen.contains(oldest) else { return }
        do {
            _ = try await session.job(id: oldest, mode: .status)
        } catch let error as ICWSError where error.failure.kind == .notFound {
            var listed = seen
            for try await page in session.allJobs(pageSize: JobPageWalk.allPageSize, mode: .status) {
                listed.formUnion(page.jobs.compactMap(\.id))
            }
            report(purged: try cache.markPurged(exceptSeen: listed))
        }
    }

    private func report(purged marked: Int) {
        if marked > 0 { StandardStreams.note("note: \(marked) jobs of \(OneLine.safe(label)) are no longer listed by the server; kept in the history, marked purged") }
    }

    private func note(_ warnings: [String]) {
        for warning in warnings { StandardStreams.note("warning: " + OneLine.safe(warning)) }
    }
}

extension HistorySync.Loaded {
    mutating func add(_ jobs: [(JobStatus, JobConfig?)], server: String) {
        jobIds += jobs.map(\.0.id)
        model.record(contentsOf: jobs.map { (server: server, status: $0.0, config: $0.1) })
    }
}
