import Testing
import ICWSWire
@testable import DashboardKit

extension Array where Element == Effect {
    /// The page requests among the effects.
    var pageLoads: [Effect] {
        filter { if case .loadOlderPage = $0 { true } else if case .loadNewestPage = $0 { true } else { false } }
    }
}

@Suite("Paging older jobs")
struct PagingTests {
    @Test func scrollingNearTheEndLoadsTheNextOlderPageOnce() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        #expect(Fixture.press(&state, .char("j")).exceptConfigLoads.isEmpty, "far from the end: nothing to load")
        var effects: [Effect] = []
        while effects.isEmpty, state.selectedIndex! < 49 { effects = Fixture.press(&state, .pageDown).exceptConfigLoads }
        #expect(effects == [.loadOlderPage(olderThan: "1051", count: 50)])
        #expect(state.servers[0].paging.phase == .loadingOlder(olderThan: "1051"))
        #expect(Fixture.press(&state, .char("k"), .char("j"), .pageDown).exceptConfigLoads.isEmpty, "only one page in flight")
    }

    @Test func theThresholdIsAFewRowsFromTheEnd() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        Fixture.send(&state, .pageFailed(olderThan: "1051", failure: Failure(.timeout, ""), at: Fixture.at(29)))
        #expect(state.servers[0].paging.phase == .idle)
        #expect(state.statusMessage == .failed(.olderPage(), Failure(.timeout, "")))
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
        while state.servers[0].paging.phase == .idle { Fixture.press(&state, .pageDown) }
        let selected = state.selectedId
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 50), olderThan: "1051", requested: 50, at: Fixture.at(29)))
        #expect(state.loadOrder.count == 100)
        #expect(state.loadOrder.last == "1001")
        #expect(state.selectedId == selected)
        #expect(state.servers[0].paging.phase == .idle)
        #expect(Fixture.press(&state, .char("G")).exceptConfigLoads == [.loadOlderPage(olderThan: "1001", count: historyPageSize, readAhead: true)])
    }

    @Test func theEndKeyLoadsTheWholeHistoryInLargePages() {
        var state = Fixture.state(jobs: Fixture.page(from: 5000, count: 50), width: 80, height: 24)
        #expect(Fixture.press(&state, .end).exceptConfigLoads == [.loadOlderPage(olderThan: "4951", count: historyPageSize, readAhead: true)])
        #expect(state.loadingHistory)
        #expect(state.statusMessage?.text == "Loading history: 50 jobs…")
        let next = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 4950, count: 1000), olderThan: "4951",
                                                    requested: historyPageSize, at: Fixture.at(29)))
        #expect(next.pageLoads == [.loadOlderPage(olderThan: "3951", count: historyPageSize, readAhead: true)],
                "the next page follows at once (the service has read it ahead)")
        #expect(!next.contains(.dropReadAhead()))
        #expect(state.selectedId == "3951", "the selection stays on the oldest job loaded")
        #expect(state.statusMessage?.text == "Loading history: 1,050 jobs…")
        #expect(Fixture.press(&state, .char("?"), .escape).exceptConfigLoads.isEmpty, "other keys still answer")
        let short = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 3950, count: 10), olderThan: "3951",
                                                     requested: historyPageSize, at: Fixture.at(29)))
        #expect(short.pageLoads == [.loadOlderPage(olderThan: "3941", count: historyPageSize, readAhead: true)],
                "a short page is not the end: a server may cap its pages")
        #expect(state.loadingHistory)
        Fixture.send(&state, .pageLoaded(jobs: [], olderThan: "3941", requested: historyPageSize, at: Fixture.at(29)))
        #expect(!state.loadingHistory)
        #expect(state.servers[0].paging.phase == .reachedOldest)
        #expect(state.selectedId == "3941")
        #expect(state.statusMessage?.text == "History loaded: 1,060 jobs listed.")
        #expect(state.brokenInvariants.isEmpty)
    }

    @Test func aMovementKeyStopsLoadingTheHistory() {
        var state = Fixture.state(jobs: Fixture.page(from: 5000, count: 50), width: 80, height: 24)
        Fixture.press(&state, .char("G"))
        Fixture.press(&state, .char("k"))
        #expect(!state.loadingHistory)
        #expect(state.statusMessage?.text == "Stopped loading the history; one page on its way.",
                "a count now would be a page short")
        let arrived = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 4950, count: 1000), olderThan: "4951",
                                                       requested: historyPageSize, at: Fixture.at(29)))
        #expect(arrived.pageLoads.isEmpty, "the page in flight is kept, no other is asked for")
        #expect(arrived.contains(.dropReadAhead()), "the page the service read ahead after it is not wanted")
        #expect(state.selectedId == "4952")
        #expect(state.loadOrder.count == 1050)
        #expect(state.brokenInvariants.isEmpty)
    }

    /// The history walk's last page has no job: the service read nothing ahead after it.
    @Test func theLastPageOfTheHistoryDropsNothing() {
        var state = Fixture.state(jobs: Fixture.page(from: 5000, count: 50), width: 80, height: 24)
        Fixture.press(&state, .char("G"))
        Fixture.press(&state, .char("k"))
        let arrived = Fixture.send(&state, .pageLoaded(jobs: [], olderThan: "4951",
                                                       requested: historyPageSize, at: Fixture.at(29)))
        #expect(!arrived.contains(.dropReadAhead()))
        #expect(state.servers[0].paging.phase == .reachedOldest)
    }

    /// Scrolling to the end asks for one page: the service reads nothing ahead for it.
    @Test func anOlderPageOutsideTheHistoryWalkIsNotReadAhead() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        var effects: [Effect] = []
        while effects.isEmpty, state.selectedIndex! < 49 { effects = Fixture.press(&state, .pageDown).exceptConfigLoads }
        #expect(effects == [.loadOlderPage(olderThan: "1051", count: 50, readAhead: false)])
        let arrived = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 50), olderThan: "1051",
                                                       requested: 50, at: Fixture.at(29)))
        #expect(!arrived.contains(.dropReadAhead()))
    }

    /// A short page asks for the next at once (a server may cap its pages below what was asked);
    /// one with no job ends the paging.
    @Test func aShortPageAsksForTheNextAndAnEmptyOneStopsPaging() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        let short = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 7), olderThan: "1051", requested: 50, at: Fixture.at(29)))
        #expect(short.pageLoads == [.loadOlderPage(olderThan: "1044", count: historyPageSize, readAhead: true)], "End walks on")
        Fixture.send(&state, .pageLoaded(jobs: [], olderThan: "1044", requested: 50, at: Fixture.at(29)))
        #expect(state.servers[0].paging.phase == .reachedOldest)
        #expect(Fixture.press(&state, .end, .char("k"), .char("j")).exceptConfigLoads.isEmpty)
    }

    /// A server that caps its pages at 25 jobs: a short first page asks for the next at once; once
    /// jobs came after a short page, pages of 25 are the server's full pages, so the list is not
    /// walked to its end without the operator (a capped server with 100,000 jobs would be).
    @Test func aServerThatCapsItsPagesIsLearnedNotWalked() {
        var state = DashboardState(options: Fixture.options(), width: 80, height: 24)
        let first = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1100, count: 25), olderThan: nil, requested: 50, at: Fixture.at(29)))
        #expect(first.pageLoads == [.loadOlderPage(olderThan: "1076", count: 50, readAhead: false)])
        let second = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1075, count: 25), olderThan: "1076", requested: 50,
                                                      at: Fixture.at(29)))
        #expect(second.pageLoads.isEmpty, "25 is this server's page: nothing more until the selection nears the end")
        #expect(state.servers[0].paging.pageCap == 25)
        #expect(state.servers[0].paging.phase == .idle)
        let end = Fixture.press(&state, .end)
        #expect(end.pageLoads == [.loadOlderPage(olderThan: "1051", count: historyPageSize, readAhead: true)])
        let last = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 10), olderThan: "1051", requested: historyPageSize,
                                                    at: Fixture.at(29)))
        #expect(last.pageLoads == [.loadOlderPage(olderThan: "1041", count: historyPageSize, readAhead: true)], "10 is short even for this server")
        Fixture.send(&state, .pageLoaded(jobs: [], olderThan: "1041", requested: historyPageSize, at: Fixture.at(29)))
        #expect(state.servers[0].paging.phase == .reachedOldest)
        #expect(state.loadOrder.count == 60)
    }

    /// A server that ignores `fromJobId` answers an older page with the newest one again: the page
    /// ends with the job it was asked to list older than, and the paging stops there, not in a loop.
    @Test func aPageEndingWhereItWasAskedToStartStopsPaging() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        let again = Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1100, count: 50), olderThan: "1051", requested: historyPageSize,
                                                     at: Fixture.at(29)))
        #expect(again.pageLoads.isEmpty)
        #expect(state.servers[0].paging.phase == .reachedOldest)
        #expect(state.loadOrder.count == 50)
    }

    @Test func aShortFirstPageMeansThereIsNothingOlder() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 5))
        #expect(state.servers[0].paging.phase == .reachedOldest)
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
        #expect(state.servers[0].paging.phase == .loadingNewest)
        #expect(Fixture.press(&state, .char("r")).isEmpty)
        #expect(state.statusMessage == .info("A refresh is already on its way."))
    }

    @Test func aFailedFirstPageIsRetriedThenIdle() {
        var state = DashboardState(options: Fixture.options(), width: 80, height: 24)
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.unavailable, "refused"), at: Fixture.at(1)))
        #expect(state.servers[0].paging.phase == .failed(Failure(.unavailable, "refused")))
        #expect(Fixture.press(&state, .char("r")) == [.loadNewestPage(count: 50)])
        #expect(state.servers[0].paging.phase == .loadingNewest)
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1100, count: 50), olderThan: nil, requested: 50, at: Fixture.at(2)))
        #expect(state.servers[0].paging.phase == .idle)
        #expect(state.statusMessage == nil, "the page's success ends its failure")
    }

    @Test func aRefreshDoesNotDisturbAnOlderPageOnItsWay() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        #expect(state.servers[0].paging.phase == .loadingOlder(olderThan: "1051"))
        #expect(Fixture.press(&state, .char("r")).exceptConfigLoads == [.loadNewestPage(count: 50)])
        #expect(state.servers[0].paging.refreshing)
        #expect(Fixture.send(&state, .refreshDue()).isEmpty, "one newest page at a time")
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.timeout, ""), at: Fixture.at(30)))
        #expect(!state.servers[0].paging.refreshing)
        #expect(state.servers[0].paging.phase == .loadingOlder(olderThan: "1051"), "a failed refresh leaves the walk alone")
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1050, count: 3), olderThan: "1051", requested: 50, at: Fixture.at(31)))
        Fixture.send(&state, .pageLoaded(jobs: [], olderThan: "1048", requested: 50, at: Fixture.at(31)))
        #expect(state.servers[0].paging.phase == .reachedOldest)
        Fixture.press(&state, .char("r"))
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1100, count: 50), olderThan: nil, requested: 50, at: Fixture.at(32)))
        #expect(state.servers[0].paging.phase == .reachedOldest, "a full newest page does not undo reaching the oldest")
    }

    @Test func aLateOlderPageForAnotherIdDoesNotEndTheWalk() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .end)
        Fixture.send(&state, .pageFailed(olderThan: "9999", failure: Failure(.timeout, ""), at: Fixture.at(30)))
        #expect(state.servers[0].paging.phase == .loadingOlder(olderThan: "1051"))
    }
}
