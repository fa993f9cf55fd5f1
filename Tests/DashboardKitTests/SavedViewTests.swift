import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Saved views")
struct SavedViewTests {
    static let views = [SavedView(name: "failures", filter: "state:failed", sort: .name),
                        SavedView(name: "mine", filter: "user:asmith", sort: .newest)]
    static let jobs = Fixture.page(from: 1071, count: 14) + [Fixture.job(1050, .finished, minute: 1, user: "asmith")]

    private func state(defaultView: Int?) -> DashboardState {
        var options = Fixture.options()
        options.views = Self.views
        options.defaultView = defaultView
        var state = DashboardState(options: options, width: 120, height: 40)
        _ = update(&state, .pageLoaded(jobs: Self.jobs, olderThan: nil, requested: 50, at: Fixture.at(29)))
        return state
    }

    @Test func theDefaultViewIsAppliedAtStartAndNumberKeysSwitch() {
        var state = state(defaultView: 1)
        #expect(state.filter.text == "user:asmith")
        #expect(state.visibleIds == ["1050"])
        Fixture.press(&state, .char("1"))
        #expect(state.filter.text == "state:failed" && state.sort == .name)
        #expect(state.visibleIds.allSatisfy { state.jobs[$0]?.knownState == .failed } && state.visibleIds.count == 2)
        Fixture.press(&state, .char("9"))
        #expect(state.filter.text == "state:failed", "no ninth view: nothing changes")
    }

    @Test func withoutViewsNumberKeysDoNothing() {
        var state = Fixture.state(jobs: Self.jobs)
        Fixture.press(&state, .char("1"))
        #expect(state.filter.text.isEmpty && state.statusMessage == nil)
    }
}
