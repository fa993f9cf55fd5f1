import Foundation
import GRDB
import ICWSWire

/// What `HistoryCache.fileIfJoining` did with a page.
public enum PageJoin: Sendable, Equatable {
    /// Not filed: it does not continue what the cache holds.
    case apart
    /// Filed.
    case joined
    /// Filed, and the newest page held a job the cache had ended: a warm read of a page this
    /// long meets the cache at once.
    case metEndedJob
}

/// One page the dashboard read, for `HistoryCache.fileIfJoining`.
public struct PageToFile: Sendable {
    public var jobs: [Job]
    public var filing: PageFiling
    /// The page has no job: nothing is older than the job it follows.
    public var endsList: Bool

    public init(jobs: [Job], filing: PageFiling, endsList: Bool) {
        self.jobs = jobs
        self.filing = filing
        self.endsList = endsList
    }
}

/// Where a page the dashboard read goes in the cache (`HistoryCache.fileIfJoining`).
public enum PageFiling: Sendable, Equatable {
    /// The newest page: filed when the cache is empty or the page holds a cached job.
    case newest
    /// An older page, following the job `olderThan`: filed when that job is cached.
    case older(than: String)
}

extension HistoryCache {
    /// Files one page of the server's list (newest first, older than everything filed before in
    /// the same `CacheUpdate`): ended jobs are kept, the others remembered as pending. One write
    /// transaction.
    public func file(_ jobs: [Job], in update: inout CacheUpdate) throws {
        try queue.write { db in try file(jobs, in: &update, db) }
    }

    /// A page the dashboard read, filed only where it continues what the cache holds (`filing`),
    /// so the cache never has a gap a later warm read would not see; `endsList` (a page with no
    /// job: nothing is older): the cache then holds the whole history.
    /// One write transaction for the checks and the filing.
    @discardableResult
    public func fileIfJoining(_ jobs: [Job], _ filing: PageFiling, endsList: Bool) throws -> PageJoin {
        try fileIfJoining([PageToFile(jobs: jobs, filing: filing, endsList: endsList)])[0]
    }

    /// `pages`, in the order they were read, each filed as `fileIfJoining(_:_:endsList:)` files it
    /// alone, in one write transaction: the pages of a walk filed together write the id index's
    /// pages once, not once a page (a job id is a random GUID, so 1,000 of them touch most of
    /// the index: filed a page at a time, 100,000 jobs wrote 438 MB for a 35 MB file).
    /// The filing reads with a page cache large enough for the id index of 100,000 jobs
    /// (`filingCacheKiB`), handed back after it unless `moreToCome`: with the cache's own 256 KiB
    /// and no early spills, each page read most of the index back from the file. Over a walk of
    /// 100,000 jobs `read()` passed 1.1 GB, 236 MB with the cache handed back after each batch,
    /// and 153 MB (the answers alone) with it kept while the walk goes on.
    /// `moreToCome`: another batch follows at once; the filing's page cache is kept for it.
    public func fileIfJoining(_ pages: [PageToFile], moreToCome: Bool = false) throws -> [PageJoin] {
        defer { if !moreToCome { releaseFilingCache() } }
        return try queue.write { db in
            try db.execute(sql: "PRAGMA cache_size = -\(Self.filingCacheKiB)")
            return try pages.map { try fileIfJoining($0, db) }
        }
    }

    /// Hands back the page cache a filing grew (`filingCacheKiB`) once no batch follows.
    public func releaseFilingCache() {
        try? queue.inDatabase { db in try db.execute(sql: "PRAGMA cache_size = -\(Self.pageCacheKiB)") }
        queue.releaseMemory()
    }

    private func fileIfJoining(_ page: PageToFile, _ db: Database) throws -> PageJoin {
        var update: CacheUpdate
        var join = PageJoin.joined
        switch page.filing {
        case .older(let olderThan):
            guard try Self.holdsAny([olderThan], db) else { return .apart }
            update = CacheUpdate(olderPages: true)
        case .newest:
            let ids = page.jobs.compactMap(\.id)
            if try !Self.known(ids, db).isEmpty {
                join = .metEndedJob
            } else {
                // No ended job of the page is cached (just read): only a pending one can join it.
                guard try Self.isEmpty(db) || Self.anyPending(ids, db) else { return .apart }
            }
            update = CacheUpdate()
        }
        try file(page.jobs, in: &update, db)
        if page.endsList { try Self.setHoldsWholeHistory(db) }
        return join
    }

    private func file(_ jobs: [Job], in update: inout CacheUpdate, _ db: Database) throws {
        if update.top == nil {
            update.top = update.belowEverything ? try Int.fetchOne(db, sql: "SELECT min(ordinal) FROM job") ?? 0
                : (try Int.fetchOne(db, sql: "SELECT max(ordinal) FROM job") ?? 0) + Self.ordinalsPerRead
        }
        let pending = try db.cachedStatement(sql: "INSERT OR IGNORE INTO pending (id) VALUES (?)")
        let notPending = try db.cachedStatement(sql: "DELETE FROM pending WHERE id = ?")
        let upsert = try db.cachedStatement(sql: CachedJobRows.upsert(keepingPlace: update.belowEverything))
        var shapes = ShapeRows(known: shapeRows.withLock { $0.rows })
        // The few jobs not ended at their last read: a statement for each job that ended, to take
        // it off a list it is almost never on, cost about 0.1 s of the 2.1 s a walk of 100,000
        // jobs spends filing (scale_bench's thread CPU).
        var pendingIds = try Set(String.fetchAll(db, sql: "SELECT id FROM pending"))
        for job in jobs {
            guard let status = job.jobStatus else { continue }
            update.seen.insert(status.id)
            update.filed += 1
            let ordinal = update.top! - update.filed
            guard status.state?.hasEnded == true else {
                if pendingIds.insert(status.id).inserted { try pending.execute(arguments: [status.id]) }
                continue
            }
            if pendingIds.remove(status.id) != nil { try notPending.execute(arguments: [status.id]) }
            let config = try job.jobConfig.map { try shapes.row(of: $0, db) }
            try upsert.execute(arguments: CachedJobRows.arguments(status, ordinal: ordinal, config: config, job.jobConfig))
        }
        // Kept only once the transaction is committed: a row rolled back is not known.
        if !shapes.added.isEmpty {
            let added = shapes.added
            db.afterNextTransaction(onCommit: { [self] _ in
                shapeRows.withLock { known in
                    // A history where every job has its own shape would keep them all: past the
                    // bound, the shapes known start again from this filing's.
                    if known.rows.count + added.count > Self.shapeRowsKept { known.rows.removeAll() }
                    if added.count <= Self.shapeRowsKept { known.rows.merge(added) { old, _ in old } }
                    known.encoded += added.count
                }
            })
        }
    }

    /// The most configuration shapes `shapeRows` keeps (a realistic history has tens).
    static let shapeRowsKept = 1024

    /// Room for one read's jobs above the newest cached one (a read never lists more).
    static let ordinalsPerRead = 1 << 40
}

/// The configuration shapes' rows during one filing: those known before it, those it added.
struct ShapeRows {
    let known: [JobConfig: Int64]
    var added: [JobConfig: Int64] = [:]
    private let encoder = ICWSJSON.encoder()

    init(known: [JobConfig: Int64]) { self.known = known }

    /// The row of `config`'s shape, found or added (a shape met the first time is encoded once).
    mutating func row(of config: JobConfig, _ db: Database) throws -> Int64 {
        let shape = CachedJobRows.shape(of: config)
        if let id = known[shape] ?? added[shape] { return id }
        let id = try CachedJobRows.configId(shape, db: db, encoder: encoder)
        added[shape] = id
        return id
    }
}
