@testable import DashboardCache
import DashboardKit
import Foundation
@testable import HistoryCache
import ICWSSimulator
import Testing

/// A history walk's pages are filed a few at a time (`CachedHistoryStore.walkPagesFiledTogether`):
/// a walk that ends in between files the pages it held then, not at the end of the run.
@Suite("Pilot: a walk's pages in the history cache", .serialized)
struct CacheWalkFilingTests {
    typealias Flow = CacheStartFlowTests

    /// A run over 50 + 6,000 jobs with an empty cache: `walk` from the first page, then every
    /// ended job listed must be in the cache while the dashboard still runs.
    private func expectListedJobsFiled(_ walk: (ICWSSimulator, Pilot) async throws -> Void) async throws {
        try await Flow.withFolder { folder in
            try await withSimulator({ $0.jobCount = 50 + 6 * 1000 }) { simulator in
                let store = Flow.store(folder)
                try await Flow.run([simulator], stores: [store]) { pilot in
                    try await pilot.waitFor("the first page") { $0.state.loadOrder.count == 50 }
                    try await walk(simulator, pilot)
                    #expect(pilot.state.loadOrder.count < 50 + CachedHistoryStore.walkPagesFiledTogether * 1000,
                            "the walk ended before a batch was full")
                    store.writesDone()
                    let cached = try HistoryCache(at: folder.appendingPathComponent("pilot.sqlite")).jobs()
                    let ended = pilot.state.loadOrder.filter { pilot.state.jobs[$0]?.state?.hasEnded == true }.count
                    #expect(cached.count == ended, "every ended job listed is filed while the dashboard runs")
                    let pageCache = try await store.cache?.queue.read { try Int.fetchOne($0, sql: "PRAGMA cache_size") }
                    #expect(pageCache == -HistoryCache.pageCacheKiB, "the walk's filing cache is handed back once it ended")
                }
            }
        }
    }

    @Test func aWalkStoppedByAKeyFilesThePagesItHeld() async throws {
        try await expectListedJobsFiled { _, pilot in
            try pilot.hit(.char("G"))
            try await pilot.waitFor("an older page") { $0.state.loadOrder.count > 50 }
            try pilot.hit(.char("k"))
            try await pilot.runUntilQuiet()
            #expect(!pilot.state.loadingHistory, "the key stopped the walk")
        }
    }

    /// A page of the walk that fails ends it: the pages it held are filed then.
    @Test func aWalkThatFailsFilesThePagesItHeld() async throws {
        try await expectListedJobsFiled { simulator, pilot in
            // The first two older pages are answered, the third (read ahead) fails.
            await simulator.setFaults(SimulatorFaults(failJobListsAfter: 2))
            try await pilot.press(.char("G"))
            #expect(!pilot.state.loadingHistory, "the failure ended the walk")
            #expect(pilot.state.loadOrder.count == 50 + 2 * 1000)
        }
    }
}
