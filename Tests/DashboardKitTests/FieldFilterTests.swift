import Testing
import ICWSWire
@testable import DashboardKit

/// The `/` filter with fields: the same `JobQuery` as `jobs list --filter`.
@Suite("Field filter")
struct FieldFilterTests {
    static let jobs = Fixture.page(from: 1071, count: 14) + [Fixture.job(1050, .failed, minute: 1, user: "asmith")]

    private func filtered(_ text: String) -> DashboardState {
        var state = Fixture.state(jobs: Self.jobs)
        Fixture.press(&state, .char("/"))
        for character in text { Fixture.press(&state, .char(character)) }
        Fixture.press(&state, .enter)
        return state
    }

    private func shown(_ state: DashboardState) -> [JobStatus] { state.visibleIds.compactMap { state.jobs[$0] } }

    @Test func fieldsInvertAndCombine() {
        let failed = shown(filtered("state:failed"))
        #expect(failed.count == 3 && failed.allSatisfy { $0.knownState == .failed })
        let others = shown(filtered("!state:failed"))
        #expect(others.count == Self.jobs.count - 3 && !others.contains { $0.knownState == .failed })
        #expect(shown(filtered("state:failed !user:asmith")).map(\.id) == ["1068", "1061"])
        #expect(shown(filtered("state:failed,canceled user:asmith")).map(\.id) == ["1050"])
        #expect(shown(filtered("since:1d")).count == Self.jobs.count)
        #expect(shown(filtered("before:1d")).isEmpty)
        #expect(shown(filtered("name:extract-107")).map(\.id) == ["1071", "1070"])
    }

    @Test func theActiveFilterStaysShown() {
        let state = filtered("state:failed user:jdoe")
        let screen = Snapshot.render(state, width: 120, height: 40).text
        #expect(screen.contains("Filter: state:failed user:jdoe"))
    }

    @Test func aTextThatIsNotAFilterYetKeepsTheRowsAndSaysWhy() {
        var state = filtered("state:failed")
        Fixture.press(&state, .char("/"), .char(" "), .char("!"))
        #expect(state.filter.problem != nil, "a lone ! is not a term")
        #expect(shown(state).count == 3, "the last filter still applies")
        Fixture.press(&state, .backspace, .char("u"), .char("s"), .char("e"), .char("r"), .char(":"))
        #expect(state.filter.problem?.contains("user:") == true)
        #expect(Snapshot.render(state, width: 120, height: 40).text.contains("needs a value"))
        Fixture.press(&state, .char("j"), .char("d"), .char("o"), .char("e"))
        #expect(state.filter.problem == nil)
        #expect(shown(state).map(\.id) == ["1068", "1061"])
    }

    @Test func changesAndNewJobsFollowTheQuery() {
        var state = filtered("state:failed")
        Fixture.send(&state, .statusesReceived([Fixture.job(1071, .failed, minute: 29)], at: Fixture.at(40)))
        #expect(state.visibleIds.first == "1071")
        Fixture.send(&state, .pageLoaded(jobs: [Fixture.job(1090, .failed, minute: 39), Fixture.job(1089, .started, minute: 38)],
                                         olderThan: nil, requested: 50, at: Fixture.at(41)))
        #expect(shown(state).map(\.id).prefix(2) == ["1090", "1071"])
        #expect(!shown(state).contains { $0.knownState != .failed })
        Fixture.press(&state, .escape)
        #expect(state.visibleIds.count == state.jobs.count)
    }

    @Test func ctxMatchesTheServersName() {
        let options = DashboardOptions(contexts: [ContextOptions(name: "lab"), ContextOptions(name: "prod")])
        var state = DashboardState(options: options, width: 120, height: 40)
        for index in 0..<2 {
            _ = update(&state, .pageLoaded(context: ContextID(index), jobs: Fixture.page(from: 1071, count: 4), olderThan: nil,
                                           requested: 50, at: Fixture.at(29)))
        }
        Fixture.press(&state, .char("/"))
        for character in "ctx:prod !state:queued" { Fixture.press(&state, .char(character)) }
        #expect(state.visibleIds.count == 3 && state.visibleIds.allSatisfy { $0.context == ContextID(1) })
    }
}
