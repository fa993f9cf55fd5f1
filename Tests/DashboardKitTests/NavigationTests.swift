import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Navigation keys")
struct NavigationTests {
    let jobs = Fixture.page(from: 1100, count: 30)

    @Test func firstJobSelectedAfterFirstPage() {
        let state = Fixture.state(jobs: jobs)
        #expect(state.selectedId == "1100")
        #expect(state.focus == .list)
    }

    @Test func jAndKAndArrowsMoveOneRow() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("j"), .char("j"), .down)
        #expect(state.selectedId == "1097")
        Fixture.press(&state, .char("k"), .up)
        #expect(state.selectedId == "1099")
        Fixture.press(&state, .up, .up, .char("k"))
        #expect(state.selectedId == "1100", "moving above the first row stays on it")
    }

    @Test func pageKeysMoveByTheListHeight() {
        var state = Fixture.state(jobs: jobs, width: 80, height: 24)
        let page = Layout(width: 80, height: 24).list.height
        Fixture.press(&state, .pageDown)
        #expect(state.selectedIndex == page)
        #expect(state.listScroll == 1, "the selection is kept in view")
        Fixture.press(&state, .pageUp)
        #expect(state.selectedIndex == 0)
        #expect(state.listScroll == 0)
    }

    @Test func gAndGAndHomeEndJumpToTheEnds() {
        var state = Fixture.state(jobs: jobs, width: 80, height: 24)
        Fixture.press(&state, .char("G"))
        #expect(state.selectedId == "1071")
        #expect(state.listScroll == 30 - state.layout.list.height)
        Fixture.press(&state, .char("g"))
        #expect(state.selectedId == "1100")
        Fixture.press(&state, .end)
        #expect(state.selectedId == "1071")
        Fixture.press(&state, .home)
        #expect(state.selectedId == "1100")
        #expect(state.listScroll == 0)
    }

    @Test func tabAndEnterMoveFocusAndEscReturns() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .tab)
        #expect(state.focus == .detail)
        Fixture.press(&state, .backTab)
        #expect(state.focus == .list)
        Fixture.press(&state, .enter)
        #expect(state.focus == .detail)
        Fixture.press(&state, .escape)
        #expect(state.focus == .list)
    }

    @Test func detailKeysScrollTheDetailNotTheList() {
        var state = Fixture.state(jobs: [Fixture.job(1042, .failed)], width: 80, height: 24)
        Fixture.send(&state, .configLoaded(id: "1042", config: Fixture.config))
        Fixture.press(&state, .enter, .char("j"), .char("j"))
        #expect(state.detailScroll == 2)
        #expect(state.selectedId == "1042")
        Fixture.press(&state, .char("G"))
        let bottom = state.detailScroll
        #expect(bottom == DetailContent.lineCount(state) - state.layout.detail.height)
        Fixture.press(&state, .char("j"), .pageDown)
        #expect(state.detailScroll == bottom, "scrolling stops at the last line")
        Fixture.press(&state, .pageUp)
        #expect(state.detailScroll == max(0, bottom - state.layout.detail.height))
        Fixture.press(&state, .char("g"))
        #expect(state.detailScroll == 0)
        Fixture.press(&state, .char("k"))
        #expect(state.detailScroll == 0)
    }

    @Test func detailScrollResetsWhenTheSelectionChanges() {
        var state = Fixture.state(jobs: [Fixture.job(1043, .failed), Fixture.job(1042, .failed)], width: 80, height: 24)
        Fixture.send(&state, .configLoaded(id: "1043", config: Fixture.config))
        Fixture.press(&state, .enter, .char("j"), .char("j"), .tab, .char("j"))
        #expect(state.selectedId == "1042")
        #expect(state.detailScroll == 0)
    }

    @Test func helpOverlayOpensAndClosesAndSwallowsKeys() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("?"))
        #expect(state.showingHelp)
        #expect(Fixture.press(&state, .char("j"), .char("c")).isEmpty)
        #expect(state.selectedId == "1100")
        #expect(state.dialog == nil)
        #expect(Fixture.press(&state, .char("q")).isEmpty, "q closes help rather than quitting")
        #expect(!state.showingHelp)
        Fixture.press(&state, .char("?"), .escape)
        #expect(!state.showingHelp)
    }

    @Test func qAndCtrlCQuit() {
        var state = Fixture.state(jobs: jobs)
        #expect(Fixture.press(&state, .char("q")) == [.quit])
        #expect(Fixture.press(&state, .ctrlC) == [.quit])
        Fixture.press(&state, .char("?"))
        #expect(Fixture.press(&state, .ctrlC) == [.quit], "Ctrl-C quits even from the help")
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var state = Fixture.state(jobs: jobs, width: 200, height: 50)
        Fixture.press(&state, .char("G"))
        Fixture.send(&state, .resize(width: 80, height: 24))
        let index = try! #require(state.selectedIndex)
        #expect(index >= state.listScroll && index < state.listScroll + state.layout.list.height)
        #expect(state.layout.mode == .stacked)
        Fixture.send(&state, .resize(width: 50, height: 10))
        #expect(state.layout.mode == .tooSmall)
        #expect(state.selectedId == "1071")
    }

    @Test func onATooSmallScreenOnlyQuitWorks() {
        var state = Fixture.state(jobs: jobs, width: 50, height: 10)
        #expect(Fixture.press(&state, .char("c"), .char("y"), .char("j"), .char("/"), .char("?")).isEmpty)
        #expect(state.dialog == nil && !state.filter.editing && !state.showingHelp)
        #expect(state.selectedId == "1100")
        #expect(Fixture.press(&state, .char("q")) == [.quit])
        #expect(Fixture.press(&state, .ctrlC) == [.quit])
    }

    @Test func refreshAsksForTheNewestPageOnce() {
        var state = Fixture.state(jobs: jobs)
        #expect(Fixture.press(&state, .char("r")) == [.loadNewestPage(count: 50)])
        #expect(Fixture.press(&state, .char("r")).isEmpty, "no second request while one is in flight")
        #expect(state.statusMessage == .info("A refresh is already on its way."))
        #expect(Fixture.send(&state, .refreshDue()).isEmpty)
        Fixture.send(&state, .pageLoaded(jobs: jobs, olderThan: nil, requested: 50, at: Fixture.at(30)))
        #expect(Fixture.send(&state, .refreshDue()) == [.loadNewestPage(count: 50)])
    }

    @Test func initialEffectLoadsTheNewestPage() {
        let state = DashboardState(options: Fixture.options(pageSize: 25), width: 80, height: 24)
        #expect(initialEffects(state) == [.loadNewestPage(count: 25)])
    }
}
