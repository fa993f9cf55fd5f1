import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Paging older jobs")
struct PagingTests {
    @Test func scrollingNearTheEndLoadsTheNextOlderPageOnce() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        #expect(Fixture.press(&state, .char("j")).exceptConfigLoads.isEmpty, "far from the end: nothing to load")
        let effects = Fixture.press(&state, .end).exceptConfigLoads
        #expect(effects == [.loadOlderPage(olderThan: "1051", count: 50)])
        #expect(state.olderPageInFlight == "1051")
        #expect(Fixture.press(&state, .char("k"), .char("j"), .pageDown).exceptConfigLoads.isEmpty, "only one page in flight")
    }

    @Test func theThresholdIsAFewRowsFromTheEnd() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        Fixture.send(&state, .pageFailed(olderThan: "1051", message: "timeout", at: Fixture.at(29)))
        #expect(state.olderPageInFlight == nil)
        #expect(state.statusMessage?.kind == .error)
        Fixture.press(&state, .home)
        var loads: [Effect] = []
        for _ in 0..<49 {
            loads += Fixture.press(&state, .char("j")).exceptConfigLoads
            if !loads.isEmpty { break }
        }
        #expect(loads == [.loadOlderPage(olderThan: "1051", count: 50)])
        #expect(state.selectedIndex == 50 - olderPageThreshold)
    }

    @Test func olderPageIsAppendedAndSelectionKept() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        let selected = state.selectedId
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 50), olderThan: "1051", requested: 50, at: Fixture.at(29)))
        #expect(state.loadOrder.count == 100)
        #expect(state.loadOrder.last == "1001")
        #expect(state.selectedId == selected)
        #expect(state.olderPageInFlight == nil)
        #expect(!state.reachedOldest)
        #expect(Fixture.press(&state, .end).exceptConfigLoads == [.loadOlderPage(olderThan: "1001", count: 50)])
    }

    @Test func aShortPageStopsPaging() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 7), olderThan: "1051", requested: 50, at: Fixture.at(29)))
        #expect(state.reachedOldest)
        #expect(Fixture.press(&state, .end, .char("k"), .char("j")).exceptConfigLoads.isEmpty)
    }

    @Test func aShortFirstPageMeansThereIsNothingOlder() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 5))
        #expect(state.reachedOldest)
        #expect(Fixture.press(&state, .end).exceptConfigLoads.isEmpty)
    }

    @Test func aListShorterThanTheScreenFetchesMore() {
        var state = DashboardState(options: Fixture.options(pageSize: 10), width: 200, height: 50)
        let effects = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1100, count: 10), olderThan: nil, requested: 10, at: Fixture.at(29)))
        #expect(effects.contains(.loadOlderPage(olderThan: "1091", count: 10)))
    }
}
