import Foundation
import GRDB
@testable import HistoryCache
import ICWSWire
import Testing

/// Filing pages: each configuration shape encoded once a process, and a dashboard's page filed
/// only where it continues what the cache holds.
@Suite struct CacheFilingTests {
    typealias Slices = CacheSlicesTests

    /// Jobs of two shapes (the second reads another column), each its own id, name and window.
    static func page(_ ids: [String]) -> [Job] {
        ids.enumerated().map { index, id in
            let column = index.isMultiple(of: 2) ? "cName" : "cQueue"
            return Job(jobStatus: JobStatus(id: id, name: "run \(id)", submittedUserId: "admin", state: .finished),
                       jobConfig: JobConfig(id: id, name: "run \(id)", submittedUserId: "admin",
                                            tables: [DataSetConfig(name: "IAgentQueueStats", column: [ColumnRef(name: column)])],
                                            startTimeFilter: Date(timeIntervalSince1970: Double(index) * 86400)))
        }
    }

    @Test("a history where every job has its own shape keeps at most shapeRowsKept of them in memory, and files each right")
    func theShapesKeptAreBounded() throws {
        let cache = try Slices.cache()
        var update = CacheUpdate()
        let count = HistoryCache.shapeRowsKept + 300
        let page = (0..<count).map { n in
            Job(jobStatus: JobStatus(id: "j\(count - n)", name: "run", submittedUserId: "admin", state: .finished),
                jobConfig: JobConfig(id: "j\(count - n)", name: "run", submittedUserId: "admin",
                                     tables: [DataSetConfig(name: "T\(n)", column: [ColumnRef(name: "c")])]))
        }
        for start in stride(from: 0, to: count, by: 100) { try cache.file(Array(page[start..<min(start + 100, count)]), in: &update) }
        #expect(cache.shapeRows.withLock { $0.rows.count } <= HistoryCache.shapeRowsKept)
        #expect(cache.shapeRows.withLock { $0.encoded } == count)
        let jobs = try cache.jobs()
        #expect(jobs.count == count)
        #expect(jobs.allSatisfy { "j\(count - Int($0.config!.tableConfigs[0].name.dropFirst())!)" == $0.status.id })
    }

    @Test func eachShapeIsEncodedOnceForEveryPage() throws {
        let cache = try Slices.cache()
        var update = CacheUpdate()
        try cache.file(Self.page(["f", "e", "d"]), in: &update)
        try cache.file(Self.page(["c", "b", "a"]), in: &update)
        #expect(cache.shapeRows.withLock { $0.encoded } == 2, "two shapes, six jobs, two pages")
        let jobs = try cache.jobs()
        #expect(jobs.map(\.config?.tableConfigs.first?.column.first?.name) == ["cName", "cQueue", "cName", "cName", "cQueue", "cName"])
        #expect(jobs.map(\.config?.name) == jobs.map { "run \($0.status.id)" })
        #expect(jobs[1].config?.startTimeFilter == Date(timeIntervalSince1970: 86400), "each job its own window")
        // Another process (a reopened cache) finds the shapes' rows again: no second row.
        let reopened = try HistoryCache(at: cache.url)
        var later = CacheUpdate()
        try reopened.file(Self.page(["h", "g"]), in: &later)
        let rows = try DatabaseQueue(path: cache.url.path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM config") }
        #expect(rows == 2)
    }

    /// The dashboard scrolls through jobs a partly filled cache already holds: an older page that
    /// repeats cached jobs leaves them where they are, and its new jobs go below every cached one.
    @Test func anOlderPageOfCachedJobsMovesNone() throws {
        let cache = try Slices.cache()
        #expect(try cache.fileIfJoining(Self.page(["a", "b", "c", "d"]), .newest, endsList: false) == .joined)
        #expect(try cache.fileIfJoining(Self.page(["b", "c"]), .older(than: "a"), endsList: false) == .joined)
        #expect(try cache.jobs().map(\.status.id) == ["a", "b", "c", "d"])
        #expect(try cache.fileIfJoining(Self.page(["d", "e", "f"]), .older(than: "c"), endsList: false) == .joined)
        #expect(try cache.jobs().map(\.status.id) == ["a", "b", "c", "d", "e", "f"])
    }

    @Test func aDashboardPageIsFiledOnlyWhereItJoinsTheCache() throws {
        let cache = try Slices.cache()
        #expect(try cache.fileIfJoining(Self.page(["d", "c"]), .newest, endsList: false) == .joined, "an empty cache takes the newest page")
        #expect(try cache.fileIfJoining(Self.page(["x"]), .older(than: "w"), endsList: true) == .apart, "an older page after an unknown job")
        #expect(try cache.fileIfJoining(Self.page(["z", "y"]), .newest, endsList: false) == .apart, "a newest page that meets no cached job")
        #expect(try !cache.holdsWholeHistory())
        #expect(try cache.fileIfJoining(Self.page(["b", "a"]), .older(than: "c"), endsList: false) == .joined)
        #expect(try !cache.holdsWholeHistory(), "a short page is not the end: a server may cap its pages")
        #expect(try cache.fileIfJoining([], .older(than: "a"), endsList: true) == .joined)
        #expect(try cache.holdsWholeHistory(), "a page with no job after the oldest")
        #expect(try cache.jobs().map(\.status.id) == ["d", "c", "b", "a"])
        #expect(try cache.fileIfJoining(Self.page(["e", "d"]), .newest, endsList: false) == .metEndedJob,
                "a newest page that holds a cached ended job: a warm read of its length meets the cache")
    }

    /// A walk's batches keep the filing's page cache while more come (the index is not read back
    /// from the file for each batch); the last batch, or a release, hands it back.
    @Test func theFilingCacheIsKeptWhileMoreBatchesCome() throws {
        let cache = try Slices.cache()
        func cacheSize() throws -> Int? { try cache.queue.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") } }
        func page(_ ids: [String], _ filing: PageFiling) -> PageToFile { PageToFile(jobs: Self.page(ids), filing: filing, endsList: false) }
        #expect(try cacheSize() == -HistoryCache.pageCacheKiB)
        _ = try cache.fileIfJoining([page(["d", "c"], .newest)], moreToCome: true)
        #expect(try cacheSize() == -HistoryCache.filingCacheKiB)
        _ = try cache.fileIfJoining([page(["b"], .older(than: "c"))])
        #expect(try cacheSize() == -HistoryCache.pageCacheKiB)
        _ = try cache.fileIfJoining([page(["a"], .older(than: "b"))], moreToCome: true)
        cache.releaseFilingCache()
        #expect(try cacheSize() == -HistoryCache.pageCacheKiB)
    }

    /// Pages filed together (a walk's, one transaction) join as each would alone: a page joins
    /// the one before it in the same batch, one after a gap stays apart, and the empty page
    /// that ends the list makes the history whole.
    @Test func pagesFiledTogetherJoinAsEachWouldAlone() throws {
        let cache = try Slices.cache()
        func page(_ ids: [String], _ filing: PageFiling) -> PageToFile {
            PageToFile(jobs: Self.page(ids), filing: filing, endsList: ids.isEmpty)
        }
        let joins = try cache.fileIfJoining([
            page(["f", "e"], .newest), page(["d", "c"], .older(than: "e")), page(["x"], .older(than: "w")),
            page(["b", "a"], .older(than: "c")), page([], .older(than: "a")),
        ])
        #expect(joins == [.joined, .joined, .apart, .joined, .joined])
        #expect(try cache.jobs().map(\.status.id) == ["f", "e", "d", "c", "b", "a"])
        #expect(try cache.holdsWholeHistory())
    }
}
