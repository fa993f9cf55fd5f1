import DashboardRuntime
import Dispatch
import Foundation
import HistoryCache
import HistorySync
import ICWSClient
import ICWSWire
import Logging
import Synchronization

/// A server's history cache (the file the CLI uses for that server and user) as the dashboard's
/// history store (docs/insight.md, "History cache").
///
/// - Warm start (the cache holds the server's whole history): the cache is brought up to date as
///   the CLI's warm read does (`HistorySync.handOver`), then the jobs not ended that the read found
///   and every job it holds that the server still lists are handed over in slices, newest first.
/// - Pages the dashboard reads are filed only where they continue what the cache holds, so the
///   cache never has a gap a later warm read would not see: a newest page when the cache is
///   empty or the page meets a cached job; an older page when the job it follows is cached. A
///   page with no job filed so means the walk reached the oldest job: the cache holds the whole
///   history (a short page does not: a server may cap its pages).
/// - Filing runs on the store's own queue, in the order the pages were read, off the cooperative
///   threads. The pages of a walk that goes on are held until `walkPagesFiledTogether` are in
///   hand, then filed in one transaction while the next ones are read; a page that ends a walk,
///   and any other page, is filed with those held and stored before `file` returns. At most one
///   batch is being filed while the next is gathered, so no backlog of pages waits in memory.
///
/// A cache that cannot be opened leaves the store empty with a warning; a filing that fails is
/// logged and the store stops filing (the server stays the source of truth).
public final class CachedHistoryStore: HistoryStore {
    let cache: HistoryCache?
    public let warning: String?
    /// The cache held no job when opened: nothing to restore.
    private let startsCold: Bool
    private let writes = DispatchQueue(label: "dxtop.history-cache.writes")
    private let logger: Logger
    /// The server's name in the log's notes (its context's).
    private let label: String
    private let sliceSize: Int
    /// The length of the newest page the dashboard read that met a cached ended job: the warm
    /// read's first page is that long (50 jobs, not 1,000: about a twentieth of the bytes), and still
    /// one request.
    private let newestMetCache = Mutex<Int?>(nil)
    /// The pages of a walk not handed to `writes` yet, oldest first.
    private let held = Mutex<[HeldPage]>([])

    /// The pages of a walk filed in one transaction: 200 MB written for 100,000 jobs against
    /// 438 MB one a page, for this many pages more in memory (eight wrote 100 MB, but the pages
    /// they held left 25 MB resident after the walk).
    public static let walkPagesFiledTogether = 3

    private struct HeldPage: Sendable {
        let page: PageToFile
        let requested: Int
    }

    /// Opens (or creates) the cache at `url`; a corrupt file is rebuilt, one that cannot be opened is left out.
    public init(url: URL, label: String, logger: Logger, sliceSize: Int = CachedHistoryStore.sliceSize) {
        self.logger = logger
        self.label = label
        self.sliceSize = sliceSize
        let (cache, warning) = HistoryCache.open(at: url, without: "the history comes from the server")
        startsCold = (try? cache?.isEmpty()) ?? true
        self.cache = cache
        self.warning = warning
    }

    /// Jobs a restored slice: the loop merges one between two keys (a key waits for one slice's
    /// merge, tens of ms at 100,000 jobs), and never the whole history decoded at once.
    public static let sliceSize = 4000

    public func restore(reading session: ICWSSession, handing slice: (RestoredHistory) -> Void) async throws {
        // A cache no walk filled down to the oldest job (the pages an earlier run read without
        // `G`) is not restored: its pages go on filling it, and the insight commands' next read
        // walks the whole list once.
        guard let cache, !startsCold, try cache.holdsWholeHistory() else { return }
        let logger = logger
        let sync = HistorySync(session: session, label: label, note: { logger.notice("\($0)") })
        let firstPageSize = newestMetCache.withLock { $0 } ?? HistorySync.pageSize
        try await sync.handOver(cache: cache, firstPageSize: firstPageSize, sliceSize: sliceSize) { jobs in
            var next = RestoredHistory(jobs: [], configs: [:], complete: false)
            next.jobs.reserveCapacity(jobs.count)
            // A job the server no longer lists is left out: the dashboard lists what can be acted on.
            for job in jobs where !job.purged {
                next.jobs.append(job.status)
                if let config = job.config { next.configs[job.status.id] = config }
            }
            if !next.jobs.isEmpty { slice(next) }
            return true
        }
        // The end: a whole history, as the guard above required.
        slice(RestoredHistory(jobs: [], configs: [:], complete: true))
    }

    public func file(_ page: JobPage, olderThan: String?, requested: Int, walkGoesOn: Bool) async {
        guard let cache else { return }
        let filing = PageToFile(jobs: page.jobs, filing: olderThan.map(PageFiling.older(than:)) ?? .newest,
                                endsList: page.jobs.isEmpty)
        let full = held.withLock { held in
            held.append(HeldPage(page: filing, requested: requested))
            return held.count >= Self.walkPagesFiledTogether
        }
        guard walkGoesOn else {
            fileHeld()
            return await filed(cache)
        }
        guard full else { return }
        // At most one batch is being filed while the walk gathers the next: the one before is in.
        await filed(cache)
        fileHeld(moreToCome: true)
    }

    public func fileHeld() { fileHeld(moreToCome: false) }

    /// `moreToCome`: the walk goes on, so the filing keeps its page cache for the next batch.
    private func fileHeld(moreToCome: Bool) {
        guard let cache else { return }
        held.withLock { held in
            let batch = held
            held.removeAll()
            // Handed over with `held` locked: batches reach `writes` in the order of their pages.
            writes.async { [self] in
                if !batch.isEmpty {
                    file(batch, cache, moreToCome: moreToCome)
                } else if !moreToCome {
                    cache.releaseFilingCache()  // the walk's last batch may have kept it
                }
            }
        }
    }

    /// Returns once every batch handed to `writes` so far is filed.
    private func filed(_ cache: HistoryCache) async {
        _ = try? await cache.offPool(on: writes) { _ in }
    }

    /// Files `batch` (on `writes`); its pages are freed with the closure that hands it over.
    private func file(_ batch: [HeldPage], _ cache: HistoryCache, moreToCome: Bool) {
        do {
            let joins = try cache.fileIfJoining(batch.map(\.page), moreToCome: moreToCome)
            for (held, join) in zip(batch, joins) where join == .metEndedJob {
                newestMetCache.withLock { $0 = held.requested }
            }
        } catch {
            logger.warning("history cache: \(batch.count == 1 ? "a page was" : "\(batch.count) pages were") not filed",
                           metadata: ["error": "\(String(describing: error))"])
        }
    }

    public func flush() {
        fileHeld()
        writesDone()
    }

    /// Returns once every batch handed to `writes` is filed (pages held back stay held).
    func writesDone() {
        writes.sync {}
    }

}
