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
        #expect(state.paging.phase == .loadingOlder(olderThan: "1051"))
        #expect(Fixture.press(&state, .char("k"), .char("j"), .pageDown).exceptConfigLoads.isEmpty, "only one page in flight")
    }

    @Test func theThresholdIsAFewRowsFromTheEnd() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        Fixture.send(&state, .pageFailed(olderThan: "1051", failure: Failure(.timeout, ""), at: Fixture.at(29)))
        #expect(state.paging.phase == .idle)
        #expect(state.statusMessage == .failed(.olderPage, Failure(.timeout, "")))
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
        #expect(state.paging.phase == .idle)
        #expect(Fixture.press(&state, .end).exceptConfigLoads == [.loadOlderPage(olderThan: "1001", count: 50)])
    }

    @Test func aShortPageStopsPaging() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 7), olderThan: "1051", requested: 50, at: Fixture.at(29)))
        #expect(state.paging.phase == .reachedOldest)
        #expect(Fixture.press(&state, .end, .char("k"), .char("j")).exceptConfigLoads.isEmpty)
    }

    @Test func aShortFirstPageMeansThereIsNothingOlder() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 5))
        #expect(state.paging.phase == .reachedOldest)
        #expect(Fixture.press(&state, .end).exceptConfigLoads.isEmpty)
    }

    @Test func aListShorterThanTheScreenFetchesMore() {
        var state = DashboardState(options: Fixture.options(pageSize: 10), width: 200, height: 50)
        let effects = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1100, count: 10), olderThan: nil, requested: 10, at: Fixture.at(29)))
        #expect(effects.contains(.loadOlderPage(olderThan: "1091", count: 10)))
    }
}

@Suite("Paging machine")
struct PagingMachineTests {
    @Test func itStartsLoadingTheNewestPageAndARefreshThenWaits() {
        var state = DashboardState(options: Fixture.options(), width: 80, height: 24)
        #expect(state.paging.phase == .loadingNewest)
        #expect(Fixture.press(&state, .char("r")).isEmpty)
        #expect(state.statusMessage == .info("A refresh is already on its way."))
    }

    @Test func aFailedFirstPageIsRetriedThenIdle() {
        var state = DashboardState(options: Fixture.options(), width: 80, height: 24)
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.unavailable, "refused"), at: Fixture.at(1)))
        #expect(state.paging.phase == .failed(Failure(.unavailable, "refused")))
        #expect(Fixture.press(&state, .char("r")) == [.loadNewestPage(count: 50)])
        #expect(state.paging.phase == .loadingNewest)
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1100, count: 50), olderThan: nil, requested: 50, at: Fixture.at(2)))
        #expect(state.paging.phase == .idle)
        #expect(state.statusMessage == nil, "the page's success ends its failure")
    }

    @Test func aRefreshDoesNotDisturbAnOlderPageOnItsWay() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        #expect(state.paging.phase == .loadingOlder(olderThan: "1051"))
        #expect(Fixture.press(&state, .char("r")).exceptConfigLoads == [.loadNewestPage(count: 50)])
        #expect(state.paging.refreshing)
        #expect(Fixture.send(&state, .refreshDue()).isEmpty, "one newest page at a time")
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.timeout, ""), at: Fixture.at(30)))
        #expect(!state.paging.refreshing)
        #expect(state.paging.phase == .loadingOlder(olderThan: "1051"), "a failed refresh leaves the walk alone")
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 3), olderThan: "1051", requested: 50, at: Fixture.at(31)))
        #expect(state.paging.phase == .reachedOldest)
        Fixture.press(&state, .char("r"))
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1100, count: 50), olderThan: nil, requested: 50, at: Fixture.at(32)))
        #expect(state.paging.phase == .reachedOldest, "a full newest page does not undo reaching the oldest")
    }

    @Test func aLateOlderPageForAnotherIdDoesNotEndTheWalk() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        Fixture.send(&state, .pageFailed(olderThan: "9999", failure: Failure(.timeout, ""), at: Fixture.at(30)))
        #expect(state.paging.phase == .loadingOlder(olderThan: "1051"))
    }
}
