import Foundation
import ICWSWire
import Testing
@testable import DashboardKit

/// Reconnects, failed pages, races between the event stream and replies, partial data.
@Suite("Recovery and races")
struct RecoveryTests {
    /// Issue 15: a reconnection reads no list again (the connection owner sends the subscription
    /// again and checks for new jobs with `jobCount=1`, which posts `newestChecked`).
    @Test func aReconnectReadsNoListAgain() {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)])
        Fixture.send(&state, .connectionChanged(.reconnecting(attempt: 1, because: .streamEnded), at: Fixture.at(30)))
        #expect(Fixture.send(&state, .connectionChanged(.connected, at: Fixture.at(31))).isEmpty)
        Fixture.send(&state, .connectionChanged(.offline(because: .failed(Failure(.unavailable, "gone"))), at: Fixture.at(32)))
        #expect(Fixture.send(&state, .connectionChanged(.pollingWhileStreamUnstable(every: .seconds(10)), at: Fixture.at(33))).isEmpty)
        #expect(Fixture.send(&state, .newestChecked(newestId: "1002")) == [.loadNewestPage(count: 50)],
                "only a new job found by the check loads the newest page")
    }

    @Test func anUnstableStreamSaysSoInTheHeader() {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)])
        Fixture.send(&state, .connectionChanged(.pollingWhileStreamUnstable(every: .seconds(10)), at: Fixture.at(30)))
        let header = Snapshot.render(state, width: 120, height: 40).lines[0]
        #expect(header.contains("stream unstable: polling every 10 s"), "\(header)")
        #expect(!header.contains("last data"), "polled statuses are live")
    }

    @Test func connectedWithNothingLoadedLoadsAndAFailureIsShownInTheList() {
        var state = DashboardState(options: Fixture.options(), width: 80, height: 24)
        _ = initialEffects(state)
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.unavailable, "HTTP 503"), at: Fixture.at(29)))
        #expect(Snapshot.render(state, width: 80, height: 24).lines[3].contains("Could not load jobs: HTTP 503"))
        #expect(Fixture.send(&state, .connectionChanged(.connected, at: Fixture.at(30))) == [.loadNewestPage(count: 50)])
        Fixture.send(&state, .connectionChanged(.connecting, at: Fixture.at(30)))
        Fixture.send(&state, .pageLoaded(jobs: [Fixture.job(1001, .started)], olderThan: nil, requested: 50, at: Fixture.at(31)))
        Fixture.send(&state, .pageLoaded(jobs: [], olderThan: "1001", requested: 50, at: Fixture.at(31)))
        #expect(state.servers[0].paging.phase == .reachedOldest, "a short first page, then none: nothing older, no failure left")
        #expect(Fixture.send(&state, .connectionChanged(.connected, at: Fixture.at(32))).isEmpty,
                "connecting to connected with jobs loaded is no reconnect")
    }

    @Test func aPageFailureMessageClearsOnTheNextSuccess() {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)])
        Fixture.press(&state, .char("r"))
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.unavailable, "HTTP 503"), at: Fixture.at(30)))
        #expect(state.statusMessage == .failed(.newestPage(), Failure(.unavailable, "HTTP 503")))
        Fixture.send(&state, .statusesReceived([Fixture.job(1001, .started)], at: Fixture.at(31)))
        #expect(state.statusMessage == nil)
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.unavailable, "HTTP 503"), at: Fixture.at(32)))
        Fixture.send(&state, .pageLoaded(jobs: [Fixture.job(1001, .started)], olderThan: nil, requested: 50, at: Fixture.at(33)))
        #expect(state.statusMessage == nil)
        Fixture.send(&state, .cancelFailed(id: "1001", failure: Failure(.permission, "no")))
        Fixture.send(&state, .statusesReceived([Fixture.job(1001, .started)], at: Fixture.at(34)))
        #expect(state.statusMessage == .failed(.cancel(jobId: "1001"), Failure(.permission, "no")), "other messages stay")
    }

    @Test func aCancelReplyAfterTheEndSaysCanceled() {
        var state = Fixture.state(jobs: [Fixture.job(1061, .started)])
        Fixture.press(&state, .char("c"), .char("y"))
        Fixture.send(&state, .statusesReceived([Fixture.job(1061, .canceled)], at: Fixture.at(30)))
        Fixture.send(&state, .cancelSucceeded(id: "1061"))
        #expect(state.statusMessage == .info("Job 1061 canceled."))
        #expect(state.pendingCancels.isEmpty)
    }

    @Test func stepsNeverReachedAreNotCalledSkipped() {
        var queued = Fixture.job(1001, .canceled)
        queued.startedTime = nil
        var state = Fixture.state(jobs: [queued])
        var text = Snapshot.render(state, width: 120, height: 40).text
        #expect(text.contains("started    not reached"), "\(text)")
        #expect(!text.contains("(skipped)"))
        var noQueue = Fixture.job(1002, .finished)
        noQueue.queuedTime = nil
        state = Fixture.state(jobs: [noQueue])
        text = Snapshot.render(state, width: 120, height: 40).text
        #expect(text.contains("queued     (skipped)"), "a later step has a time: \(text)")
    }

    @Test func aPartlyFilledJobIsListedAndDrawn() {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)])
        let partial = JobStatus(id: "1002", name: "", submittedUserId: "", state: .queued)
        Fixture.send(&state, .statusesReceived([partial], at: Fixture.at(30)))
        #expect(state.visibleIds == ["1001", "1002"], "no submission time: listed last")
        #expect(state.stateCounts[.queued] == 1)
        Fixture.press(&state, .char("j"))
        let surface = Snapshot.render(state, width: 120, height: 40)
        let row = surface.lines.first { $0.contains("queued") && $0.contains("1002") } ?? ""
        #expect(row.hasSuffix("-"), "no times: no duration: \(row)")
        #expect(surface.text.contains("Job 1002"))
        #expect(surface.clippedWrites.isEmpty)
    }

    @Test(arguments: [DashboardKit.SortOrder.state, .duration])
    func aStatusUpdateWhileSortedKeepsTheSelection(sort: DashboardKit.SortOrder) throws {
        var state = Fixture.state(jobs: Fixture.page(from: 1020, count: 14, firstMinute: 29))
        while state.sort != sort { Fixture.press(&state, .char("s")) }
        Fixture.press(&state, .char("j"), .char("j"))
        while let id = state.selectedId, state.jobs[id]?.knownState.hasEnded == true { Fixture.press(&state, .char("j")) }
        let id = try #require(state.selectedId)
        let before = try #require(state.selectedIndex)
        var changed = try #require(state.jobs[id])
        #expect(!changed.knownState.hasEnded, "the update moves the job in the sort")
        changed.state = .finished
        changed.finishedTime = Fixture.at(34)
        changed.stateChangedTime = Fixture.at(34)
        Fixture.send(&state, .statusesReceived([changed], at: Fixture.at(34)))
        #expect(state.selectedId == id)
        let after = try #require(state.selectedIndex)
        #expect(state.visibleIds[after] == id)
        #expect(after != before, "the job moved, and the selection with it")
    }
}
