import Foundation
import GRDB
import HistoryCache
import ICWSWire
import Testing

/// `HistoryCache.slices`: the cached jobs newest first, a slice at a time, as one read would give them.
@Suite struct CacheSlicesTests {
    static func cache() throws -> HistoryCache {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-cache-\(UUID().uuidString)/dxtop")
        return try HistoryCache(at: CacheFiles.database(server: "s", user: "u", in: folder))
    }

    static func jobs(_ ids: [String]) -> [Job] {
        ids.map { id in
            Job(jobStatus: JobStatus(id: id, name: "job \(id)", submittedUserId: "admin", state: .finished),
                jobConfig: JobConfig(id: id, name: "job \(id)", submittedUserId: "admin",
                                     tables: [DataSetConfig(name: "IAgentQueueStats", column: [ColumnRef(name: "cName")])]))
        }
    }

    static func all(_ slices: CachedJobSlices) throws -> [[String]] {
        var all: [[String]] = []
        while let slice = try slices.next() { all.append(slice.map(\.status.id)) }
        return all
    }

    @Test func slicesHandEveryJobOnceNewestFirst() throws {
        let cache = try Self.cache()
        var update = CacheUpdate()
        try cache.file(Self.jobs(["g", "f", "e", "d", "c", "b", "a"]), in: &update)
        let sliced = try Self.all(cache.slices(of: 3))
        #expect(sliced == [["g", "f", "e"], ["d", "c", "b"], ["a"]])
        #expect(sliced.flatMap { $0 } == (try cache.jobs().map(\.status.id)))
        #expect(try cache.slices(of: 3).next()?.first?.config?.tableConfigs.first?.name == "IAgentQueueStats")
        #expect(try Self.all(Self.cache().slices(of: 3)).isEmpty, "an empty cache: no slice")
    }

    @Test func aPageFiledBetweenTwoSlicesIsNeverHandedTwice() throws {
        let cache = try Self.cache()
        var update = CacheUpdate()
        try cache.file(Self.jobs(["d", "c", "b", "a"]), in: &update)
        let slices = cache.slices(of: 2)
        #expect(try slices.next()?.map(\.status.id) == ["d", "c"])
        var newer = CacheUpdate()
        try cache.file(Self.jobs(["f", "e", "d"]), in: &newer)
        var older = CacheUpdate(olderPages: true)
        try cache.file(Self.jobs(["z"]), in: &older)
        #expect(try Self.all(slices) == [["b", "a"], ["z"]], "the newer page lies above the slices read, the older one below")
    }

    @Test func jobsOfOneOrdinalAcrossASliceBoundaryAreNeitherLostNorDoubled() throws {
        let cache = try Self.cache()
        var update = CacheUpdate()
        try cache.file(Self.jobs(["e", "d", "c", "b", "a"]), in: &update)
        try DatabaseQueue(path: cache.url.path).write { db in
            try db.execute(sql: "UPDATE job SET ordinal = (SELECT ordinal FROM job WHERE id = 'c') WHERE id IN ('b', 'd')")
        }
        let sliced = try Self.all(cache.slices(of: 2))
        #expect(sliced.flatMap { $0 } == ["e", "d", "c", "b", "a"])
        #expect(sliced.map(\.count) == [2, 2, 1])
    }
}
