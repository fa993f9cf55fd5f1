import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Filter and sort")
struct FilterSortTests {
    let jobs = [
        Fixture.job(1005, .started, name: "nightly-calls", user: "jdoe"),
        Fixture.job(1004, .finished, name: "weekly-agents", user: "asmith"),
        Fixture.job(1003, .failed, name: "Nightly-IVR", user: "bwong"),
        Fixture.job(1002, .queued, name: "adhoc", user: "jdoe"),
        Fixture.job(1001, .canceled, name: "monthly", user: "asmith"),
    ]

    @Test func typingFiltersByNameIdOrUserCaseInsensitively() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("/"), .char("N"), .char("i"), .char("g"))
        #expect(state.filter.editing)
        #expect(state.visibleIds == ["1005", "1003"])
        Fixture.press(&state, .backspace, .backspace, .backspace)
        for c in "asmith" { Fixture.press(&state, .char(c)) }
        #expect(state.visibleIds == ["1004", "1001"])
        Fixture.press(&state, .escape)
        for c in "/1002" { Fixture.press(&state, .char(c)) }
        #expect(state.visibleIds == ["1002"])
    }

    @Test func typedLettersDoNotActAsCommands() {
        var state = Fixture.state(jobs: jobs)
        let effects = Fixture.press(&state, .char("/"), .char("q"), .char("c"), .char("r"), .char("s"))
        #expect(effects.isEmpty)
        #expect(state.filter.text == "qcrs")
        #expect(state.dialog == nil)
        #expect(state.sort == .newest)
    }

    @Test func enterKeepsTheFilterAndEscClearsIt() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("/"), .char("j"), .char("d"), .enter)
        #expect(!state.filter.editing)
        #expect(state.filter.text == "jd")
        #expect(state.visibleIds == ["1005", "1002"])
        Fixture.press(&state, .char("j"))
        #expect(state.selectedId == "1002", "after Enter, j navigates again")
        Fixture.press(&state, .escape)
        #expect(!state.filter.isActive)
        #expect(state.visibleIds.count == 5)
        #expect(state.selectedId == "1002", "clearing the filter keeps the selected job")
        Fixture.press(&state, .char("/"), .char("x"), .escape)
        #expect(!state.filter.isActive && !state.filter.editing)
    }

    @Test func selectionStaysOnTheSameJobWhileFiltering() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("j"), .char("j"))
        #expect(state.selectedId == "1003")
        Fixture.press(&state, .char("/"), .char("n"), .char("i"))
        #expect(state.selectedId == "1003")
    }

    @Test func filteredOutSelectionMovesToAVisibleJob() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("j"))
        Fixture.press(&state, .char("/"), .char("n"), .char("i"), .char("g"))
        #expect(state.selectedId.map(state.visibleIds.contains) == true)
        Fixture.press(&state, .char("z"))
        #expect(state.visibleIds.isEmpty)
        #expect(state.selectedId == nil)
    }

    @Test func sortCyclesAndKeepsTheSelectionById() {
        var state = Fixture.state(jobs: jobs)
        Fixture.press(&state, .char("j"), .char("j"), .char("j"))
        #expect(state.selectedId == "1002")
        Fixture.press(&state, .char("s"))
        #expect(state.sort == .state)
        #expect(state.visibleIds == ["1005", "1002", "1003", "1001", "1004"])
        #expect(state.selectedId == "1002")
        Fixture.press(&state, .char("s"))
        #expect(state.sort == .name)
        #expect(state.visibleIds == ["1002", "1001", "1005", "1003", "1004"])
        #expect(state.selectedId == "1002")
        Fixture.press(&state, .char("s"))
        #expect(state.sort == .user)
        #expect(state.visibleIds == ["1004", "1001", "1003", "1005", "1002"])
        Fixture.press(&state, .char("s"))
        #expect(state.sort == .duration)
        #expect(Array(state.visibleIds.prefix(2)) == ["1002", "1005"], "waiting and running jobs measured at the last known time come first")
        Fixture.press(&state, .char("s"))
        #expect(state.sort == .newest)
        #expect(state.visibleIds == ["1005", "1004", "1003", "1002", "1001"])
        #expect(state.selectedId == "1002")
    }
}
