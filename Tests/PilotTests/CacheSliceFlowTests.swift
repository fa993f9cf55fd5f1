import DashboardCache
import DashboardKit
import DashboardRuntime
import Foundation
import ICWSClient
import ICWSSimulator
import ICWSWire
import Testing

/// The warm start hands the cached history over in slices, and the loop merges one a step: a key
/// typed while the history is restored is answered before the restore ends.
@Suite("Pilot: the cached history restored in slices", .serialized)
struct CacheSliceFlowTests {
    typealias Flow = CacheStartFlowTests

    /// A store that holds its slices until `opened` ends, then hands them all at once: every
    /// slice waits in the mailbox together, the worst case for a key.
    final class HeldStore: HistoryStore {
        let inner: CachedHistoryStore
        let opened: AsyncStream<Void>
        init(_ inner: CachedHistoryStore, opened: AsyncStream<Void>) {
            self.inner = inner
            self.opened = opened
        }
        var warning: String? { inner.warning }
        func restore(reading session: ICWSSession, handing slice: (RestoredHistory) -> Void) async throws {
            var slices: [RestoredHistory] = []
            try await inner.restore(reading: session) { slices.append($0) }
            for await _ in opened {}
            slices.forEach(slice)
        }
        func file(_ page: JobPage, olderThan: String?, requested: Int, walkGoesOn: Bool) async {
            await inner.file(page, olderThan: olderThan, requested: requested, walkGoesOn: walkGoesOn)
        }
        func fileHeld() { inner.fileHeld() }
        func flush() { inner.flush() }
    }

    @Test func aKeyIsAnsweredBetweenTwoSlices() async throws {
        try await Flow.withFolder { folder in
            try await withSimulator({ $0.jobCount = Flow.jobs }) { simulator in
                let all = await simulator.allJobStatuses().map(\.id)
                try await Flow.walkAll([simulator], stores: [Flow.store(folder)])
                let (opened, open) = AsyncStream<Void>.makeStream()
                let store = CachedHistoryStore(url: folder.appendingPathComponent("pilot.sqlite"), label: "pilot",
                                               logger: Pilot.logger("cache"), sliceSize: 500)
                try await Flow.run([simulator], stores: [HeldStore(store, opened: opened)]) { pilot in
                    let firstPage = pilot.state.loadOrder.count
                    open.finish()
                    try await pilot.waitFor("a first slice") { $0.state.loadOrder.count > firstPage }
                    #expect(pilot.state.servers[0].paging.phase != .reachedOldest, "one slice merged, not the whole history")
                    let selected = pilot.state.selectedId
                    _ = try pilot.hit(.char("j"))
                    #expect(pilot.state.selectedId != selected, "the key moved the selection")
                    #expect(pilot.state.servers[0].paging.phase != .reachedOldest, "before the restore ended")
                    #expect(pilot.state.loadOrder.count < all.count)
                    try await pilot.waitFor("the whole history") { $0.state.servers[0].paging.phase == .reachedOldest }
                    try await pilot.runUntilQuiet()
                    #expect(pilot.state.loadOrder.map(\.id) == all)
                    #expect(pilot.state.brokenInvariants.isEmpty)
                }
            }
        }
    }
}
