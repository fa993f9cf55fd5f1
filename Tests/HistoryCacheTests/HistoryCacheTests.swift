import Foundation
import GRDB
@testable import HistoryCache
import ICWSWire
import Testing

/// A fresh temporary folder for one test's cache files.
private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-cache-\(UUID().uuidString)/dxtop")
    return folder
}

private func job(_ id: String, _ state: JobState, config: Bool = true) -> Job {
    let status = JobStatus(id: id, name: "job \(id)", submittedUserId: "admin", state: state,
                           submitTime: Date(timeIntervalSince1970: 1_800_000_000),
                           finishedTime: state == .finished ? Date(timeIntervalSince1970: 1_800_000_600) : nil)
    let configuration = config ? JobConfig(id: id, name: "job \(id)", submittedUserId: "admin",
                                           tables: [DataSetConfig(name: "IAgentQueueStats", column: [ColumnRef(name: "cName")])]) : nil
    return Job(jobStatus: status, jobConfig: configuration)
}

private func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? 0) & 0o777
}

@Suite struct HistoryCacheTests {
    @Test("each open cache keeps a small SQLite page cache (an exporter holds one file per server)")
    func aSmallPageCache() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let cache = try HistoryCache(at: CacheFiles.database(server: "https://cic.example:8019", user: "admin", in: folder))
        #expect(try cache.queue.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") } == -HistoryCache.pageCacheKiB)
    }

    @Test func keepsEndedJobsWithTheirConfigurationAndOnlyRemembersPendingOnes() throws {
        let folder = try temporaryFolder()
        let url = CacheFiles.database(server: "https://cic.example:8019", user: "admin", in: folder)
        do {
            let cache = try HistoryCache(at: url)
            #expect(cache.warning == nil)
            var update = CacheUpdate()
            try cache.file([job("c", .started), job("b", .finished)], in: &update)
            try cache.file([job("a", .failed)], in: &update)
        }
        let reopened = try HistoryCache(at: url)
        #expect(reopened.warning == nil)
        let jobs = try reopened.jobs()
        #expect(jobs.map(\.status.id) == ["b", "a"])
        #expect(jobs[0].config?.tableConfigs.first?.name == "IAgentQueueStats")
        #expect(jobs.allSatisfy { !$0.purged })
        #expect(try reopened.pendingIds() == ["c"])
        #expect(try reopened.oldestListedId() == "a")
        #expect(try reopened.info().jobs == 2)
        #expect(try reopened.info().schemaVersion == HistoryCache.schemaVersion)
    }

    @Test func aLaterReadFilesNewerJobsAboveAndEndsPendingOnes() throws {
        let url = CacheFiles.database(server: "s", user: "u", in: try temporaryFolder())
        let cache = try HistoryCache(at: url)
        var first = CacheUpdate()
        try cache.file([job("c", .started), job("b", .finished)], in: &first)
        var second = CacheUpdate()
        try cache.file([job("d", .finished), job("c", .finished)], in: &second)
        #expect(try cache.jobs().map(\.status.id) == ["d", "c", "b"])
        #expect(try cache.pendingIds().isEmpty)
        #expect(second.seen == ["d", "c"])
    }

    @Test func jobsTheServerNoLongerListsStayMarkedPurged() throws {
        let cache = try HistoryCache(at: CacheFiles.database(server: "s", user: "u", in: try temporaryFolder()))
        var update = CacheUpdate()
        try cache.file([job("c", .finished), job("b", .finished), job("a", .finished), job("p", .queued)], in: &update)
        #expect(try cache.markPurged(exceptSeen: ["c"]) == 2)
        let jobs = try cache.jobs()
        #expect(jobs.map(\.status.id) == ["c", "b", "a"])
        #expect(jobs.map(\.purged) == [false, true, true])
        #expect(try cache.oldestListedId() == "c")
        #expect(try cache.pendingIds().isEmpty)
        #expect(try cache.info().purged == 2)
    }

    @Test func theTimeOfThePurgeCheckIsKept() throws {
        let url = CacheFiles.database(server: "s", user: "u", in: try temporaryFolder())
        #expect(try HistoryCache(at: url).purgeCheckedAt() == nil)
        try HistoryCache(at: url).setPurgeChecked(at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(try HistoryCache(at: url).purgeCheckedAt() == Date(timeIntervalSince1970: 1_800_000_000))
    }

    @Test func theFileIs0600InA0700Folder() throws {
        let folder = try temporaryFolder()
        let url = CacheFiles.database(server: "s", user: "u", in: folder)
        let cache = try HistoryCache(at: url)
        var update = CacheUpdate()
        try cache.file([job("a", .finished)], in: &update)
        #expect(try mode(url.path) == 0o600)
        #expect(try mode(folder.path) == 0o700)
    }

    @Test func aCorruptFileIsRebuiltWithAOneLineWarning() throws {
        let folder = try temporaryFolder()
        let url = CacheFiles.database(server: "s", user: "u", in: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }).write(to: url)
        let cache = try HistoryCache(at: url)
        let warning = try #require(cache.warning)
        #expect(warning.hasPrefix("warning: history cache "))
        #expect(warning.contains("rebuilt from the server"))
        #expect(!warning.contains("\n"))
        #expect(try cache.jobs().isEmpty)
        var update = CacheUpdate()
        try cache.file([job("a", .finished)], in: &update)
        #expect(try HistoryCache(at: url).jobs().count == 1)
        #expect(try mode(url.path) == 0o600)
    }

    @Test func aWrongSchemaVersionIsRebuilt() throws {
        let url = CacheFiles.database(server: "s", user: "u", in: try temporaryFolder())
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: url.path)
        try old.write { db in
            try db.execute(sql: "CREATE TABLE jobs (id TEXT, body TEXT); INSERT INTO jobs VALUES ('x', '{}'); PRAGMA user_version = 7")
        }
        try old.close()
        let cache = try HistoryCache(at: url)
        #expect(cache.warning?.contains("schema version 7, this dxtop uses \(HistoryCache.schemaVersion)") == true)
        #expect(try cache.jobs().isEmpty)
        #expect(try cache.info().schemaVersion == HistoryCache.schemaVersion)
        #expect(try HistoryCache(at: url).warning == nil)
    }

    @Test func aSchema1CacheOfTheLastDxtopIsRebuilt() throws {
        let url = CacheFiles.database(server: "s", user: "u", in: try temporaryFolder())
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: url.path)
        try old.write { db in
            try db.execute(sql: """
                CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('v1 jobs');
                CREATE TABLE job (id TEXT PRIMARY KEY NOT NULL, ordinal INTEGER NOT NULL, status BLOB NOT NULL, config BLOB,
                                  purged INTEGER NOT NULL DEFAULT 0);
                INSERT INTO job VALUES ('x', 1, '{"id":"x","name":"n","submittedUserId":"u","state":5}', NULL, 0);
                PRAGMA user_version = 1
                """)
        }
        try old.close()
        let cache = try HistoryCache(at: url)
        #expect(cache.warning == "warning: history cache rebuilt from the server: \(url.path) has schema version 1, this dxtop uses 2")
        #expect(try cache.jobs().isEmpty)
        var update = CacheUpdate()
        try cache.file([job("a", .finished)], in: &update)
        #expect(try HistoryCache(at: url).jobs().map(\.status.id) == ["a"])
    }

    @Test func aTableWithoutSchemaVersionIsRebuilt() throws {
        let url = CacheFiles.database(server: "s", user: "u", in: try temporaryFolder())
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = try DatabaseQueue(path: url.path)
        try old.write { db in try db.execute(sql: "CREATE TABLE job (id TEXT)") }
        try old.close()
        #expect(try HistoryCache(at: url).warning?.contains("has no schema version") == true)
    }

    @Test func oneDatabasePerServerAndUnderXDGCacheHome() {
        let folder = CacheFiles.folder(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"])
        #expect(folder.path == "/x/cache/dxtop")
        #expect(CacheFiles.folder(environment: ["HOME": "/home/u"]).path == "/home/u/.cache/dxtop")
        #expect(CacheFiles.folder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.cache/dxtop")
        let a = CacheFiles.database(server: "https://cic:8019", user: "admin", in: folder)
        #expect(a != CacheFiles.database(server: "https://cic:8019", user: "other", in: folder))
        #expect(a != CacheFiles.database(server: "https://cic2:8019", user: "admin", in: folder))
        #expect(CacheFiles.database(server: "s", user: "a_b", in: folder) != CacheFiles.database(server: "s", user: "a/b", in: folder))
        #expect(!a.lastPathComponent.contains("/"))
    }
}
