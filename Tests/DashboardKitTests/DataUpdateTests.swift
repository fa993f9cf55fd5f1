import Foundation
import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Server data")
struct DataUpdateTests {
    @Test func newJobsArrivingAboveKeepTheSelection() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.press(&state, .pageDown, .char("j"))
        let selected = state.selectedId
        let screenRow = state.selectedIndex! - state.listScroll
        Fixture.send(&state, .pageLoaded(jobs: Fixture.page(from: 1103, count: 50), olderThan: nil, requested: 50, at: Fixture.at(30)))
        #expect(Array(state.loadOrder.prefix(4)) == ["1103", "1102", "1101", "1100"])
        #expect(state.selectedId == selected)
        #expect(state.selectedIndex! - state.listScroll == screenRow, "the selected row does not move on screen")
    }

    @Test func newJobsAtTheTopComeIntoViewWhenScrolledToTheTop() {
        var state = Fixture.state(jobs: Fixture.page(from: 1100, count: 50), width: 80, height: 24)
        Fixture.send(&state, .statusesReceived([Fixture.job(1101, .submitted, minute: 44)], at: Fixture.at(30)))
        #expect(state.visibleIds.first == "1101")
        #expect(state.selectedId == "1100")
        #expect(state.listScroll == 0)
    }

    @Test func statusUpdatesReplaceRows() {
        var state = Fixture.state(jobs: [Fixture.job(1042, .queued), Fixture.job(1041, .finished)])
        var started = Fixture.job(1042, .started)
        started.name = "renamed"
        Fixture.send(&state, .statusesReceived([started], at: Fixture.at(30)))
        #expect(state.jobs["1042"]?.knownState == .started)
        #expect(state.jobs["1042"]?.name == "renamed")
        #expect(state.loadOrder == ["1042", "1041"])
        #expect(state.stateCounts[.started] == 1)
        #expect(state.stateCounts[.queued] == nil)
        #expect(state.lastDataAt == Fixture.at(30))
    }

    /// A page asked for before the event stream delivered a change arrives after it (seen after a
    /// server restart: the reloaded list took the job back to submitted, for good).
    @Test func aPageFromBeforeAChangeDoesNotTakeTheJobBack() {
        var state = Fixture.state(jobs: [Fixture.job(1042, .submitted), Fixture.job(1041, .finished)])
        Fixture.send(&state, .statusesReceived([Fixture.job(1042, .queued)], at: Fixture.at(30)))
        Fixture.send(&state, .pageLoaded(jobs: [Fixture.job(1042, .submitted), Fixture.job(1041, .finished)], olderThan: nil,
                                         requested: 50, at: Fixture.at(31)))
        #expect(state.jobs["1042"]?.knownState == .queued)
        #expect(state.stateCounts[.queued] == 1 && state.stateCounts[.submitted] == nil)
        Fixture.send(&state, .pageLoaded(jobs: [Fixture.job(1042, .canceled), Fixture.job(1041, .finished)], olderThan: nil,
                                         requested: 50, at: Fixture.at(32)))
        #expect(state.jobs["1042"]?.knownState == .canceled, "forward moves from a page are taken")
    }

    @Test func watchIsSentWhenJobsThatHaveNotEndedJoin() {
        var state = DashboardState(options: Fixture.options(), width: 120, height: 40)
        let jobs = [Fixture.job(1003, .started), Fixture.job(1002, .finished), Fixture.job(1001, .queued)]
        let first = Fixture.send(&state, .pageLoaded(jobs: jobs, olderThan: nil, requested: 50, at: Fixture.at(29)))
        #expect(first.contains(.watch(adding: ["1003", "1001"])))
        let same = Fixture.send(&state, .statusesReceived([Fixture.job(1003, .started)], at: Fixture.at(30)))
        #expect(!same.contains { if case .watch = $0 { true } else { false } }, "no change, no watch")
        let ended = Fixture.send(&state, .statusesReceived([Fixture.job(1003, .finished)], at: Fixture.at(31)))
        #expect(ended.isEmpty, "a job that ends stays subscribed: no PUT")
        let burst = Fixture.send(&state, .statusesReceived([Fixture.job(1005, .submitted), Fixture.job(1004, .finished),
                                                            Fixture.job(1006, .queued)], at: Fixture.at(32)))
        #expect(burst == [.watch(adding: ["1005", "1006"])], "new jobs join, once for the lot; ended ones and watched ones do not")
        #expect(Fixture.press(&state, .char("j")).exceptConfigLoads.isEmpty, "keys never resend the watch set")
    }

    @Test func configIsLoadedOncePerJob() {
        var state = DashboardState(options: Fixture.options(), width: 120, height: 40)
        let effects = Fixture.send(&state, .pageLoaded(jobs: [Fixture.job(1002, .finished), Fixture.job(1001, .finished)], olderThan: nil, requested: 50, at: Fixture.at(29)))
        #expect(effects.exceptPageLoads == [.loadConfig(id: "1002")])
        #expect(state.configs["1002"] == .loading)
        #expect(Fixture.press(&state, .char("j")).isEmpty, "one configuration load at a time")
        #expect(Fixture.press(&state, .char("k")).isEmpty, "still in flight: not asked again")
        #expect(Fixture.press(&state, .char("j")).isEmpty)
        #expect(Fixture.send(&state, .configLoaded(id: "1002", config: Fixture.config)) == [.loadConfig(id: "1001")],
                "when it returns, the then-selected job's is loaded (the selection rested meanwhile)")
        Fixture.send(&state, .configLoaded(id: "1001", config: Fixture.config))
        #expect(Fixture.press(&state, .char("j"), .char("k")).isEmpty, "loaded: never asked again")
        #expect(state.configs["1002"] == .loaded(Fixture.config))
    }

    @Test func holdingJAcrossManyJobsLoadsTwoConfigurations() {
        var state = Fixture.state(jobs: Fixture.page(from: 2000, count: 1000), width: 80, height: 24)
        Fixture.send(&state, .configLoaded(id: "2000", config: Fixture.config))
        var loads: [JobKey] = [], timers = 0
        func run(_ action: Action) {
            for effect in update(&state, action) {
                if case .loadConfig(let id) = effect { loads.append(id) }
                if case .startTimer = effect { timers += 1 }
            }
        }
        for step in 0..<998 {
            run(.key(.char("j")))
            // Answers and timers arrive now and then while the key is held (a fast server answers
            // before the next key).
            if let id = state.configInFlight { run(.configLoaded(id: id, config: Fixture.config)) }
            if step % 9 == 5 { run(.timerFired(.selectionRest)) }
        }
        #expect(loads == ["1999"], "the first move fetches at once, then nothing while travelling")
        run(.timerFired(.selectionRest))
        #expect(loads.count == 1, "it moved since the timer started: another rest")
        run(.timerFired(.selectionRest))
        #expect(loads == ["1999", state.selectedId!], "at rest: the selected job's configuration")
        #expect(timers < 200)
        run(.configLoaded(id: state.selectedId!, config: Fixture.config))
        run(.key(.char("k")))
        #expect(loads.count == 3, "after a rest, a move fetches at once")
        #expect(state.configRest.timerRunning, "and starts the timer that tells a rest from travelling")
    }

    @Test func aFailedConfigIsShownAndRetriedWhenSelectedAgain() {
        var state = Fixture.state(jobs: [Fixture.job(1002, .finished), Fixture.job(1001, .finished)])
        Fixture.send(&state, .configFailed(id: "1002", failure: Failure(.unavailable, "HTTP 500")))
        #expect(state.configs["1002"] == .failed(Failure(.unavailable, "HTTP 500")))
        #expect(Fixture.press(&state, .char("j")) == [.loadConfig(id: "1001")])
        Fixture.send(&state, .configLoaded(id: "1001", config: Fixture.config))
        #expect(Fixture.press(&state, .char("k")) == [.loadConfig(id: "1002")])
    }

    @Test func connectionStateIsShownInTheHeader() {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)])
        Fixture.send(&state, .connectionChanged(.reconnecting(attempt: 3, because: .failed(Failure(.unavailable, "connection refused"))), at: Fixture.at(30)))
        var text = Snapshot.render(state, width: 200, height: 50).lines[0]
        #expect(text.contains("reconnecting (attempt 3): connection refused"))
        #expect(text.contains("last data 2026-11-28 10:29:00 UTC (6m00s ago)"))
        let narrow = Snapshot.render(state, width: 100, height: 30).lines[0]
        #expect(narrow.contains("jdoe@cic01.example.com  reconnecting (attempt 3): connection refused · last data 10:29:00 UTC"),
                "narrow screens keep the time of day, dropping the date and the age first")
        Fixture.send(&state, .connectionChanged(.offline(because: .failed(Failure(.unavailable, "server unreachable"))), at: Fixture.at(30)))
        text = Snapshot.render(state, width: 200, height: 50).lines[0]
        #expect(text.contains("offline: server unreachable"))
        Fixture.send(&state, .connectionChanged(.connected, at: Fixture.at(30)))
        text = Snapshot.render(state, width: 200, height: 50).lines[0]
        #expect(text.hasSuffix("connected"), "live data needs no timestamp (nothing to redraw while quiet)")
        #expect(!text.contains("data"))
        #expect(text.contains("jdoe@cic01.example.com"))
    }

    @Test func aFailedNewestPageSaysSoAndAllowsARetry() {
        var state = DashboardState(options: Fixture.options(), width: 120, height: 40)
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.unavailable, "HTTP 503"), at: Fixture.at(29)))
        #expect(state.statusMessage == .failed(.newestPage(), Failure(.unavailable, "HTTP 503")))
        #expect(Fixture.press(&state, .char("r")) == [.loadNewestPage(count: 50)])
    }
}
