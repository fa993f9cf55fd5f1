import Foundation
import Testing
import ICWSWire
@testable import DashboardKit

/// Issue 16, item 5: each status is stored once. The feed hands a delta over as it came; the job
/// index merges it into the status it holds, with the never-go-back rule.
@Suite("Feed deltas into the job index")
struct FeedDeltaTests {
    @Test func aDeltaMergesIntoTheStatusTheIndexHolds() {
        var state = Fixture.state(jobs: [Fixture.job(1071, .started, name: "nightly"), Fixture.job(1070, .finished)])
        let before = state.jobs["1071"]
        var end = JobStatus(id: "1071", name: "", submittedUserId: "")
        end.state = .finished
        end.finishedTime = Fixture.at(31)
        Fixture.send(&state, .statusesReceived([end], isDelta: true, at: Fixture.at(31)))
        let after = state.jobs["1071"]
        #expect(after?.state == .finished)
        #expect(after?.finishedTime == Fixture.at(31))
        #expect(after?.name == "nightly", "the fields the delta leaves out are kept")
        #expect(after?.submittedUserId == before?.submittedUserId)
        #expect(after?.startedTime == before?.startedTime)
        #expect(state.stateCounts[.finished] == 2 && state.stateCounts[.started] == nil)
        var older = JobStatus(id: "1071", name: "", submittedUserId: "")
        older.state = .queued
        Fixture.send(&state, .statusesReceived([older], isDelta: true, at: Fixture.at(32)))
        #expect(state.jobs["1071"] == after, "a delta never takes a job back")
    }
}
