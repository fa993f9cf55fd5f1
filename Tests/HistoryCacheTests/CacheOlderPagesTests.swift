import Foundation
@testable import HistoryCache
import ICWSWire
import Testing

/// Older pages (the dashboard's walk past what the cache holds) filed below the cache.
@Suite struct CacheOlderPagesTests {
    static func cache() throws -> HistoryCache {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-cache-\(UUID().uuidString)/dxtop")
        return try HistoryCache(at: CacheFiles.database(server: "s", user: "u", in: folder))
    }

    static func ended(_ ids: [String]) -> [Job] {
        ids.map { Job(jobStatus: JobStatus(id: $0, name: $0, submittedUserId: "admin", state: .finished), jobConfig: nil) }
    }

    @Test func olderPagesGoBelowEveryCachedJob() throws {
        let cache = try Self.cache()
        var newest = CacheUpdate()
        try cache.file(Self.ended(["d", "c"]), in: &newest)
        var older = CacheUpdate(olderPages: true)
        try cache.file(Self.ended(["c", "b"]), in: &older)
        var oldest = CacheUpdate(olderPages: true)
        try cache.file(Self.ended(["a"]), in: &oldest)
        #expect(try cache.jobs().map(\.status.id) == ["d", "c", "b", "a"])
        #expect(try cache.oldestListedId() == "a")
        #expect(try cache.queue.read { try HistoryCache.holdsAny(["z", "b"], $0) })
        #expect(try !cache.queue.read { try HistoryCache.holdsAny(["z"], $0) })
    }
}
