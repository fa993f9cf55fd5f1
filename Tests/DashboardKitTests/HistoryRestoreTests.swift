import Foundation
import Testing
import ICWSWire
@testable import DashboardKit

/// A server's history cache at the start (`historyRestored`): its jobs merged as an older page's,
/// and, when they are its whole history, nothing older asked for.
@Suite("History restored from the cache")
struct HistoryRestoreTests {
    typealias Servers = MergedOrderTests

    /// 40 jobs a minute apart from `newest` down: a first page longer than the list, so nothing
    /// older is asked for on its own.
    static func page(_ prefix: String, from newest: Double) -> [JobStatus] {
        Servers.jobs(prefix, (0..<40).map { newest - Double($0) })
    }

    /// Each server's newest page, then `lab`'s cache: its newest page's jobs and two older ones.
    static func restored(complete: Bool, cacheFirst: Bool = false) -> (DashboardState, [Effect]) {
        var state = Servers.twoServers()
        let cached = Array(page("lab", from: 200).dropFirst()) + Servers.jobs("lab", [100, 90])
        let restore = Action.historyRestored(context: Servers.lab, jobs: cached, configs: [:], complete: complete)
        var effects: [Effect] = []
        if cacheFirst { effects = update(&state, restore) }
        Fixture.send(&state, Servers.page(Servers.lab, page("lab", from: 200)))
        Fixture.send(&state, Servers.page(Servers.prod, page("prod", from: 199.5)))
        if !cacheFirst { effects = update(&state, restore) }
        return (state, effects)
    }

    @Test func theWholeCachedHistoryIsListedAndGAsksOnlyTheOtherServer() {
        var (state, _) = Self.restored(complete: true)
        #expect(Servers.names(state).count == 82)
        #expect(Servers.names(state).suffix(2) == ["lab-100.0", "lab-90.0"], "the cached jobs where they belong")
        #expect(state.servers[0].paging.phase == .reachedOldest)
        #expect(state.brokenInvariants.isEmpty)
        let asked = update(&state, .key(.char("G")))
        let contexts = asked.compactMap { effect -> ContextID? in
            if case .loadOlderPage(let context, _, _, _) = effect { context } else { nil }
        }
        #expect(contexts == [Servers.prod], "lab's history is whole: only prod is walked")
    }

    @Test func aCacheReadBeforeTheFirstPageStillEndsThePaging() {
        let (state, _) = Self.restored(complete: true, cacheFirst: true)
        #expect(state.servers[0].paging.phase == .reachedOldest)
        #expect(state.servers[0].paging.hasFirstPage)
        #expect(Servers.names(state).count == 82)
    }

    @Test func aPartlyFilledCacheLeavesOlderPagesToAsk() {
        var (state, _) = Self.restored(complete: false)
        #expect(Servers.names(state).count == 82)
        #expect(state.servers[0].paging.phase == .idle)
        let asked = update(&state, .key(.char("G")))
        let contexts = asked.compactMap { effect -> ContextID? in
            if case .loadOlderPage(let context, _, _, _) = effect { context } else { nil }
        }
        #expect(Set(contexts) == [Servers.lab, Servers.prod])
    }

    @Test func aWholeHistoryArrivingDuringGEndsTheWalkAndDropsTheReadAhead() {
        var state = Servers.twoServers()
        Fixture.send(&state, Servers.page(Servers.lab, Self.page("lab", from: 200)))
        _ = update(&state, .key(.char("G")))
        #expect(state.loadingHistory)
        let effects = update(&state, .historyRestored(context: Servers.lab, jobs: Servers.jobs("lab", [10, 4]), configs: [:],
                                                      complete: true))
        #expect(state.servers[0].paging.phase == .reachedOldest)
        #expect(!state.loadingHistory, "the walk ends: the only server's history is whole")
        #expect(effects.contains { if case .dropReadAhead(Servers.lab) = $0 { true } else { false } })
    }
}
