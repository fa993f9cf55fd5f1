import Foundation
import HistoryCache
import ICWSWire
import Testing

/// The warm read (`HistoryCache.refresh`), older pages filed below the cache, and the mark that
/// the cache holds the whole history.
@Suite struct CacheRefreshTests {
    static func cache() throws -> HistoryCache {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-cache-\(UUID().uuidString)/dxtop")
        return try HistoryCache(at: CacheFiles.database(server: "s", user: "u", in: folder))
    }

    static func ended(_ ids: [String]) -> [Job] {
        ids.map { Job(jobStatus: JobStatus(id: $0, name: $0, submittedUserId: "admin", state: .finished), jobConfig: nil) }
    }

    struct PageFailed: Error {}

    /// The server's list newest first, in pages of 2; `failAt`: the page (from 0) that fails.
    static func pages(_ list: [String], failAt: Int? = nil) -> (String?) async throws -> [Job] {
        { from in
            let start = from.flatMap { list.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            if let failAt, start / 2 == failAt { throw PageFailed() }
            return ended(Array(list[start..<min(list.count, start + 2)]))
        }
    }

    @Test func newPagesAreFiledOnlyOnceTheWalkMetTheCache() async throws {
        let cache = try Self.cache()
        var update = CacheUpdate()
        try cache.file(Self.ended(["b", "a"]), in: &update)
        let list = ["f", "e", "d", "c", "b", "a"]
        // The second page fails: nothing is filed, so the next read does not stop at "f" with a gap before "b".
        await #expect(throws: PageFailed.self) { try await cache.refresh(page: Self.pages(list, failAt: 1), job: { _ in nil }) }
        #expect(try cache.jobs().map(\.status.id) == ["b", "a"])
        let refresh = try await cache.refresh(page: Self.pages(list), job: { _ in nil })
        #expect(refresh.reachedCache)
        #expect(try cache.jobs().map(\.status.id) == list)
        #expect(try !cache.holdsWholeHistory(), "a walk that met the cache says nothing of the oldest job")
    }

    @Test func aWalkThatMeetsNoCachedJobHoldsTheWholeHistory() async throws {
        let cache = try Self.cache()
        var update = CacheUpdate()
        try cache.file(Self.ended(["x"]), in: &update)
        let refresh = try await cache.refresh(page: Self.pages(["c", "b", "a"]), job: { _ in nil })
        #expect(!refresh.reachedCache)
        #expect(try cache.holdsWholeHistory())
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
        #expect(try cache.holdsAny(["z", "b"]))
        #expect(try !cache.holdsAny(["z"]))
    }
}
