import Testing
import Foundation
import ICWSWire
import JobComposition
@testable import DashboardKit

/// The bulk dialogs' job lists hold a heading per group besides the jobs: `j` stops where the
/// last line shows, so one `k` after holding `j` moves the list at once.
@Suite("Bulk dialogs' job list scrolling")
struct BulkListScrollTests {
    /// Two servers with jobs in three states each, all marked, on a 24-line screen.
    static func marked() -> DashboardState {
        let options = DashboardOptions(contexts: [ContextOptions(name: "lab"), ContextOptions(name: "prod")])
        var state = DashboardState(options: options, width: 100, height: 24)
        for index in 0..<2 {
            let jobs = (0..<12).map { Fixture.job(1050 - $0, [.started, .queued, .finished][$0 % 3], minute: 29 - Double($0)) }
            _ = update(&state, .pageLoaded(context: ContextID(index), jobs: jobs, olderThan: nil, requested: 50, at: Fixture.at(29)))
        }
        for key in state.visibleIds { state.marks.toggle(key) }
        return state
    }

    @Test(arguments: ["c", "R"])
    func oneKAfterJPastTheBottomMovesTheList(dialogKey: String) {
        var state = Self.marked()
        Fixture.press(&state, .char(Character(dialogKey)))
        #expect(state.topScreenContext == (dialogKey == "c" ? .bulkCancel : .bulkResubmit))
        let top = Snapshot.render(state, width: 100, height: 24).text
        for _ in 0..<60 { Fixture.press(&state, .char("j")) }
        let bottom = Snapshot.render(state, width: 100, height: 24).text
        #expect(bottom != top, "j scrolls")
        #expect(bottom.contains(dialogKey == "c" ? "of 30 lines" : "of 26 lines"), "24 jobs under a heading per server and state (c), per server (R)")
        Fixture.press(&state, .char("j"))
        #expect(Snapshot.render(state, width: 100, height: 24).text == bottom, "the bottom stays the bottom")
        Fixture.press(&state, .char("k"))
        #expect(Snapshot.render(state, width: 100, height: 24).text != bottom, "one k moves the list up")
    }

    /// The review shows each job's window from its configuration, worked out when the
    /// configuration comes and when `w` shifts the windows, not at every frame.
    @Test func theReviewFollowsConfigurationsThatComeAfterItOpened() throws {
        var state = Self.marked()
        let effects = Fixture.press(&state, .char("R"))
        let key = try #require(state.bulkResubmit?.entries.last?.key)
        #expect(effects.contains(.loadConfig(id: key)))
        #expect(state.bulkResubmit?.entries.last?.preview == .loading)
        Fixture.send(&state, .configLoaded(id: key, config: Fixture.config))
        let day = TimeWindow(start: Fixture.config.startTimeFilter!, end: Fixture.config.endTimeFilter!)
        #expect(state.bulkResubmit?.entries.last?.preview == .window(day))
        Fixture.press(&state, .char("w"))
        let next = TimeWindow(start: day.end, end: day.end.addingTimeInterval(86_400))
        #expect(state.bulkResubmit?.entries.last?.preview == .window(next))
        Fixture.send(&state, .configFailed(id: state.bulkResubmit!.entries[1].key, failure: Failure(.unavailable, "gone")))
        #expect(state.bulkResubmit?.entries[1].preview == .failed(Failure(.unavailable, "gone")))
    }
}
