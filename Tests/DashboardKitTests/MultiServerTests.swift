import Testing
import ICWSWire
@testable import DashboardKit

/// Several servers in one state: jobs keyed by (context, id), requests naming their server, a
/// link and paging per server, the CONTEXT column and the header summary.
@Suite("Several servers")
struct MultiServerTests {
    static let lab = ContextID(0), prod = ContextID(1)

    /// "lab" and "prod" (read-only when asked), each with the same job ids 1003...1001.
    static func state(prodReadOnly: Bool = false, width: Int = 120) -> DashboardState {
        let options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab.example.com", user: "jdoe"),
                                                  ContextOptions(name: "prod", server: "prod.example.com", user: "jdoe",
                                                                 readOnly: prodReadOnly)],
                                       timeFormat: .utc)
        var state = DashboardState(options: options, width: width, height: 40)
        for context in [lab, prod] {
            _ = update(&state, .connectionChanged(context: context, .connected, at: Fixture.base))
            let jobs = [Fixture.job(1003, .started, name: "\(context == lab ? "lab" : "prod")-job"),
                        Fixture.job(1002, .queued), Fixture.job(1001, .finished)]
            _ = update(&state, .pageLoaded(context: context, jobs: jobs, olderThan: nil, requested: 50, at: Fixture.at(29)))
        }
        return state
    }

    static func screen(_ state: DashboardState) -> GridSurface {
        let grid = GridSurface(width: state.width, height: state.height)
        DashboardView.render(state, on: grid, options: RenderOptions(glyphs: .unicode, color: false, now: Fixture.now))
        return grid
    }

    @Test func theSameIdOnTwoServersIsTwoJobs() {
        let state = Self.state()
        #expect(state.jobs.count == 6)
        #expect(state.jobs[JobKey(context: Self.lab, id: "1003")]?.name == "lab-job")
        #expect(state.jobs[JobKey(context: Self.prod, id: "1003")]?.name == "prod-job")
        #expect(state.stateCounts[.started] == 2, "counts are over every server")
    }

    @Test func eachServerAsksForItsOwnPages() {
        var state = DashboardState(options: DashboardOptions(contexts: [ContextOptions(name: "a"), ContextOptions(name: "b")]),
                                   width: 120, height: 40)
        #expect(initialEffects(state) == [.loadNewestPage(context: Self.lab, count: 50), .loadNewestPage(context: Self.prod, count: 50)])
        // One server's first page fails; back to connected, only that server's page is asked for again.
        _ = update(&state, .pageFailed(context: Self.prod, olderThan: nil, failure: Failure(.unavailable, "down"), at: Fixture.base))
        #expect(state.servers[1].paging.phase == .failed(Failure(.unavailable, "down")))
        #expect(update(&state, .connectionChanged(context: Self.prod, .connected, at: Fixture.base))
            == [.loadNewestPage(context: Self.prod, count: 50)])
        #expect(state.servers[0].paging.phase == .loadingNewest)
    }

    @Test func statusesChangeOnlyTheirServersJob() {
        var state = Self.state()
        var changed = Fixture.job(1002, .started)
        changed.name = "moved"
        _ = update(&state, .statusesReceived(context: Self.prod, [changed], at: Fixture.at(30)))
        #expect(state.jobs[JobKey(context: Self.prod, id: "1002")]?.knownState == .started)
        #expect(state.jobs[JobKey(context: Self.lab, id: "1002")]?.knownState == .queued)
    }

    @Test func aCancelNamesTheJobsServer() {
        var state = Self.state()
        Fixture.press(&state, .char("/"))
        for character in "prod-job" { Fixture.press(&state, .char(character)) }
        Fixture.press(&state, .enter)
        let prodJob = JobKey(context: Self.prod, id: "1003")
        #expect(state.selectedId == prodJob)
        #expect(Fixture.press(&state, .char("c"), .char("y")) == [.cancelJob(id: prodJob)])
        #expect(state.pendingCancels == [prodJob])
    }

    @Test func theWatchSetCoversEveryServer() {
        var state = DashboardState(options: DashboardOptions(contexts: [ContextOptions(name: "a"), ContextOptions(name: "b")]),
                                   width: 120, height: 40)
        func watched(_ effects: [Effect]) -> [[JobKey]] {
            effects.compactMap { effect in if case .watch(let keys) = effect { keys } else { nil } }
        }
        let lab = update(&state, .pageLoaded(context: Self.lab, jobs: [Fixture.job(1, .started)], olderThan: nil, requested: 50,
                                             at: Fixture.base))
        let prod = update(&state, .pageLoaded(context: Self.prod, jobs: [Fixture.job(1, .queued)], olderThan: nil,
                                              requested: 50, at: Fixture.base))
        #expect(watched(lab) == [[JobKey(context: Self.lab, id: "1")]])
        #expect(watched(prod) == [[JobKey(context: Self.prod, id: "1")]], "the same id on another server joins too")
    }

    @Test func aReadOnlyContextRefusesCancelOnItsJobsOnly() {
        var state = Self.state(prodReadOnly: true)
        Fixture.press(&state, .char("/"))
        for character in "prod-job" { Fixture.press(&state, .char(character)) }
        Fixture.press(&state, .enter)
        #expect(Fixture.press(&state, .char("c")).isEmpty)
        #expect(state.dialog == nil)
        #expect(state.statusMessage?.text.contains("read-only context") == true)

        Fixture.press(&state, .char("/"))
        for _ in "prod-job" { Fixture.press(&state, .backspace) }
        for character in "lab-job" { Fixture.press(&state, .char(character)) }
        Fixture.press(&state, .enter)
        Fixture.press(&state, .char("c"))
        #expect(state.dialog?.jobId == JobKey(context: Self.lab, id: "1003"))
    }

    @Test func theFilterMatchesTheContextName() {
        var state = Self.state()
        Fixture.press(&state, .char("/"))
        for character in "prod" { Fixture.press(&state, .char(character)) }
        #expect(state.visibleIds.count == 3)
        #expect(state.visibleIds.allSatisfy { $0.context == Self.prod })
    }

    @Test func theListHasAContextColumnOnlyWithSeveralServers() {
        let grid = Self.screen(Self.state())
        #expect(grid.text.contains("CONTEXT"))
        let row = grid.lines.first { $0.contains("prod-job") } ?? ""
        #expect(row.contains("prod"))
        #expect(!Self.screen(Fixture.state(jobs: [Fixture.job(1001, .started)])).text.contains("CONTEXT"))
    }

    @Test func theHeaderSummarisesTheLinks() {
        var state = Self.state()
        #expect(HeaderView.serversSummary(state).value == "2/2 connected")
        _ = update(&state, .connectionChanged(context: Self.lab, .offline(because: .failed(Failure(.unavailable, "refused"))), at: Fixture.at(31)))
        #expect(HeaderView.serversSummary(state).value == "1/2 connected, lab offline")
        #expect(Self.screen(state).lines[0].contains("1/2 connected, lab offline"))
    }

    @Test func withRoomEachServerGetsAHeaderLine() {
        var state = Self.state()
        _ = update(&state, .connectionChanged(context: Self.lab, .offline(because: .failed(Failure(.unavailable, "connection refused"))), at: Fixture.at(31)))
        let lines = Self.screen(state).lines
        #expect(lines[1].contains("lab") && lines[1].contains("jdoe@lab.example.com") && lines[1].contains("offline: connection refused"))
        #expect(lines[2].contains("prod") && lines[2].contains("jdoe@prod.example.com") && lines[2].contains("connected"))
        #expect(lines[3].contains("jobs 6"), "the counts follow the server lines")

        _ = update(&state, .resize(width: 120, height: 24))
        let short = Self.screen(state).lines
        #expect(short[0].contains("1/2 connected, lab offline"), "no room: the summary alone")
        #expect(short[1].contains("jobs 6"))
    }

    @Test func aHostileContextNameIsCleaned() {
        let options = DashboardOptions(contexts: [ContextOptions(name: "a\u{1B}[31m\u{202E}b"), ContextOptions(name: "c")])
        let state = DashboardState(options: options, width: 120, height: 40)
        let summary = HeaderView.serversSummary(state).value
        #expect(!summary.contains("\u{1B}") && !summary.contains("\u{202E}"))
    }
}
