import Foundation
import GRDB
import ICWSWire
import Synchronization

/// The ended jobs of one server and user (status and configuration) in a SQLite file, so that a
/// start reads from the server only what is newer (docs/insight.md, "History cache").
///
/// Ended jobs never change, so only they are kept; a job not ended is remembered by id only
/// (`pendingIds`), to be asked for again, and is never answered from the cache. A job the server no
/// longer lists stays, marked purged. The file is created 0600 in a 0700 folder. A file that is not
/// a database, or whose schema this dxtop does not know, is replaced by an empty one (the server is
/// the source of truth); `warning` then says so in one line.
public final class HistoryCache: Sendable {
    /// The schema this dxtop writes, as `PRAGMA user_version`; any other version is rebuilt.
    public static let schemaVersion = 2

    public let url: URL
    /// Set when the file found was rebuilt: one line for stderr.
    public let warning: String?
    let queue: DatabaseQueue
    /// The row of each configuration shape met since the cache was opened: a shape is encoded
    /// and looked up once, not once a job (`CachedJobRows.configId`); `encoded` counts the
    /// encodings (the tests read it).
    let shapeRows = Mutex<(rows: [JobConfig: Int64], encoded: Int)>(([:], 0))

    /// Opens (or creates) the cache at `url`, rebuilding a corrupt or foreign-schema file.
    public init(at url: URL) throws {
        self.url = url
        try CacheFiles.prepare(url)
        var warning: String?
        var queue: DatabaseQueue
        do {
            queue = try Self.openChecked(url)
        } catch let problem as CacheProblem {
            // What happened first: at 80 columns a long path would push it off the status line.
            warning = "warning: history cache rebuilt from the server: \(url.path) \(problem.text)"
            try CacheFiles.remove(url)
            try CacheFiles.prepare(url)
            queue = try Self.openChecked(url)
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            warning = "warning: history cache rebuilt from the server: \(url.path) is not a readable database"
            try CacheFiles.remove(url)
            try CacheFiles.prepare(url)
            queue = try Self.openChecked(url)
        }
        try CacheFiles.restrict(url)
        self.queue = queue
        self.warning = warning
    }

    /// SQLite's page cache for each open cache, in KiB.
    static let pageCacheKiB = 256
    /// SQLite's page cache while pages of jobs are filed, in KiB: the id index of 100,000 jobs.
    static let filingCacheKiB = 8192
    /// The most pages (4 KiB) a transaction holds changed in memory before writing some early.
    static let spillPages = 2048

    private struct CacheProblem: Error {
        let text: String
    }

    private static func openChecked(_ url: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        // Another dxtop (a cron check, a second context of the same server and user) may be writing.
        configuration.busyMode = .timeout(10)
        // A cache is read once at a start and written a page at a time: SQLite's default page
        // cache (2 MB a connection) held by each server's file cost more than it saved (an
        // exporter follows ten servers).
        // A transaction's changes are held until its commit up to `spillPages` (past the cache's
        // size): spilled early, a page of 1,000 jobs with random GUID ids wrote its index pages
        // to the journal and the file again and again (714 MB through write() for a 35 MB file
        // of 100,000 jobs).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(pageCacheKiB)")
            try db.execute(sql: "PRAGMA cache_spill = \(spillPages)")
        }
        // A rollback journal, not a write-ahead log: the log left beside a file by a process that
        // ended without a checkpoint masked a corrupt file (its first page read from the log), so
        // it was not rebuilt (CLIExporterCacheTests.corruptCache, one run in six).
        let queue = try DatabaseQueue(path: url.path, configuration: configuration)
        try queue.read { db in
            // A garbage file opens fine; the first read says it is not a database.
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if version == 0, tables > 0 { throw CacheProblem(text: "has no schema version") }
            if version != 0, version != schemaVersion {
                throw CacheProblem(text: "has schema version \(version), this dxtop uses \(schemaVersion)")
            }
            if version != 0, try !migrator.appliedIdentifiers(db).isSubset(of: migrator.migrations) {
                throw CacheProblem(text: "was written by a newer dxtop")
            }
        }
        try migrator.migrate(queue)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = \(schemaVersion)") }
        return queue
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v2 jobs") { db in
            // ordinal: larger is newer in the server's list (the list is newest first).
            try db.execute(sql: CachedJobRows.schema)
        }
        return migrator
    }

    // MARK: Reading

    /// Every cached job, newest first (a reader of the whole history takes it in `slices`).
    public func jobs() throws -> [CachedJob] {
        let slices = slices(of: 10_000)
        var jobs: [CachedJob] = []
        while let slice = try slices.next() { jobs += slice }
        return jobs
    }

    /// Whether the cache holds any ended job (else a read is cold).
    public func isEmpty() throws -> Bool {
        try queue.read(Self.isEmpty)
    }

    static func isEmpty(_ db: Database) throws -> Bool {
        try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM job)")!
    }

    /// Which of `ids` the cache holds (ended).
    public func known(_ ids: [String]) throws -> Set<String> {
        try queue.read { db in try Self.known(ids, db) }
    }

    static func known(_ ids: [String], _ db: Database) throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try String.fetchSet(db, sql: "SELECT id FROM job WHERE id IN (\(databaseQuestionMarks(count: ids.count)))",
                                   arguments: StatementArguments(ids))
    }

    /// Whether any of `ids` is cached, ended or pending: a page holding one continues what the cache holds.
    static func holdsAny(_ ids: [String], _ db: Database) throws -> Bool {
        try !known(ids, db).isEmpty || anyPending(ids, db)
    }

    /// Whether any of `ids` is remembered as not ended at the last read.
    static func anyPending(_ ids: [String], _ db: Database) throws -> Bool {
        guard !ids.isEmpty else { return false }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pending WHERE id IN (\(databaseQuestionMarks(count: ids.count))))",
                                 arguments: StatementArguments(ids)) ?? false
    }

    /// The ids of the cached (ended) jobs.
    public func endedIds() throws -> Set<String> {
        try queue.read { db in try String.fetchSet(db, sql: "SELECT id FROM job") }
    }

    /// The jobs seen not ended at the last read: to be asked for again.
    public func pendingIds() throws -> Set<String> {
        try queue.read { db in try String.fetchSet(db, sql: "SELECT id FROM pending") }
    }

    /// The cached jobs whose id starts with `prefix` (case-insensitive), each with whether it is
    /// purged: a command that acts on a job refuses one the server no longer lists.
    public func purgedMarks(idPrefix prefix: String) throws -> [String: Bool] {
        let pattern = prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT id, purged FROM job WHERE id LIKE ? ESCAPE '\\'", arguments: [pattern])
                .reduce(into: [:]) { marks, row in marks[row["id"]] = row["purged"] as Bool }
        }
    }

    /// The oldest cached job the server still listed: a purge removes it first.
    public func oldestListedId() throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT id FROM job WHERE purged = 0 ORDER BY ordinal LIMIT 1") }
    }

    /// When the server's list was last checked for purged jobs.
    public func purgeCheckedAt() throws -> Date? {
        try queue.read { db in
            try Double.fetchOne(db, sql: "SELECT CAST(value AS REAL) FROM meta WHERE key = 'purgeCheckedAt'")
                .map(Date.init(timeIntervalSince1970:))
        }
    }

    /// A walk of the server's list reached its oldest job and every page from the newest down was
    /// filed: the cache holds the whole history (what is newer comes with the next warm read).
    public func holdsWholeHistory() throws -> Bool {
        try meta("wholeHistory") == "1"
    }

    public func setHoldsWholeHistory() throws {
        try queue.write(Self.setHoldsWholeHistory)
    }

    static func setHoldsWholeHistory(_ db: Database) throws {
        try setMeta("wholeHistory", "1", db)
    }

    public func setPurgeChecked(at date: Date) throws {
        try setMeta("purgeCheckedAt", String(date.timeIntervalSince1970))
    }

    /// Whether a walk filed jobs that do not join the cached ones and was cut short (a gap may lie
    /// below them): the next read walks the whole list again.
    public func walkUnfinished() throws -> Bool {
        try meta("walkUnfinished") == "1"
    }

    public func setWalkUnfinished(_ unfinished: Bool) throws {
        try setMeta("walkUnfinished", unfinished ? "1" : "0")
    }

    private func meta(_ key: String) throws -> String? {
        try queue.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    private func setMeta(_ key: String, _ value: String) throws {
        try queue.write { db in try Self.setMeta(key, value, db) }
    }

    static func setMeta(_ key: String, _ value: String, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
    }

    public func info() throws -> CacheInfo {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        return try queue.read { db in
            CacheInfo(path: url.path, bytes: size,
                      jobs: try Int.fetchOne(db, sql: "SELECT count(*) FROM job") ?? 0,
                      purged: try Int.fetchOne(db, sql: "SELECT count(*) FROM job WHERE purged = 1") ?? 0,
                      schemaVersion: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
        }
    }

    // MARK: Writing (filing pages: HistoryCacheFiling.swift)

    /// A pending job the server says is gone: forgotten.
    public func forgetPending(_ id: String) throws {
        try queue.write { db in try db.execute(sql: "DELETE FROM pending WHERE id = ?", arguments: [id]) }
    }

    /// After a walk of the whole list: every cached job not seen is marked purged, every pending
    /// one not seen forgotten. Returns how many were newly marked.
    @discardableResult
    public func markPurged(exceptSeen seen: Set<String>) throws -> Int {
        try queue.write { db in
            var marked = 0
            for id in try String.fetchAll(db, sql: "SELECT id FROM job WHERE purged = 0") where !seen.contains(id) {
                try db.execute(sql: "UPDATE job SET purged = 1 WHERE id = ?", arguments: [id])
                marked += 1
            }
            for id in try String.fetchAll(db, sql: "SELECT id FROM pending") where !seen.contains(id) {
                try db.execute(sql: "DELETE FROM pending WHERE id = ?", arguments: [id])
            }
            return marked
        }
    }
}

/// One read of the server's list being filed: what was seen, and where its jobs go in the order.
public struct CacheUpdate: Sendable {
    public internal(set) var seen: Set<String> = []
    var top: Int?
    var filed = 0
    /// The pages go below every cached job (older pages of a walk that started in the cache).
    let belowEverything: Bool
    /// `olderPages`: the pages follow the oldest cached job in the server's list.
    public init(olderPages: Bool = false) { belowEverything = olderPages }
}

/// A job from the cache: ended, with its configuration when the server gave one.
public struct CachedJob: Sendable, Hashable {
    public var status: JobStatus
    public var config: JobConfig?
    /// The server no longer lists it: shown in the history, never acted on.
    public var purged: Bool

    public init(status: JobStatus, config: JobConfig?, purged: Bool = false) {
        self.status = status
        self.config = config
        self.purged = purged
    }
}

/// What `dxtop cache info` shows of one cache.
public struct CacheInfo: Sendable, Hashable, Codable {
    public var path: String
    public var bytes: Int
    public var jobs: Int
    public var purged: Int
    public var schemaVersion: Int
}
