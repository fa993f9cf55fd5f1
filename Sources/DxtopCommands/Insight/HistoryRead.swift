import Foundation
import HistoryCache
import HistorySync
import ICWSClient
import ICWSWire
import Insight

/// One server's history for the insight commands: its jobs filed into an insight model, read
/// through the history cache when there is one (`HistorySync` brings it up to date and gives the
/// cost to the server; docs/insight.md, "History cache").
struct HistoryRead {
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

    private var sync: HistorySync {
        HistorySync(session: session, label: label, note: { StandardStreams.note($0) })
    }

    /// Jobs a slice of the cache read at a time: each series of the model is ordered once a slice.
    static let sliceSize = 10_000

    func read(cache: HistoryCache?) async throws -> Loaded {
        guard let cache else { return try await readAll() }
        var loaded = Loaded(model: InsightModel(timeZone: timeZone), jobIds: [], purged: [])
        try await sync.handOver(cache: cache, sliceSize: Self.sliceSize) { jobs in
            loaded.add(jobs.lazy.map { ($0.status, $0.config) }, server: label)
            for job in jobs where job.purged { loaded.purged.insert(job.status.id) }
            return true
        }
        return loaded
    }

    /// Without a cache: every page, filed as it arrives, so no page is kept.
    private func readAll() async throws -> Loaded {
        var loaded = Loaded(model: InsightModel(timeZone: timeZone), jobIds: [], purged: [])
        let sync = sync
        for try await page in session.allJobs(pageSize: HistorySync.pageSize, mode: .all) {
            sync.warn(page.warnings)
            loaded.add(page.jobs.lazy.compactMap { job in job.jobStatus.map { ($0, job.jobConfig) } }, server: label)
        }
        return loaded
    }
}

extension HistoryRead.Loaded {
    /// Records `jobs` (read twice: no array of them is made).
    mutating func add(_ jobs: some Collection<(JobStatus, JobConfig?)>, server: String) {
        jobIds += jobs.lazy.map(\.0.id)
        model.record(contentsOf: jobs.lazy.map { (server: server, status: $0.0, config: $0.1) })
    }
}
