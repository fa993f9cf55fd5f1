import Foundation
import ICWSWire
import Testing
@testable import DashboardKit

@Suite("GUID job ids")
struct JobIdTests {
    /// A GUID starting with the hex digits `head`, then `n`, then zeros.
    static func guid(_ head: String, _ n: Int) -> String {
        let hex = Array((head + String(format: "%06x", n) + String(repeating: "0", count: 32)).prefix(32))
        return [hex[0..<8], hex[8..<12], hex[12..<16], hex[16..<20], hex[20..<32]].map { String($0) }.joined(separator: "-")
    }

    static func jobs(_ ids: [String]) -> [JobStatus] {
        ids.enumerated().map { index, id in
            var job = Fixture.job(1000 + index, .started, minute: 29 - Double(index) / 2, user: "jdoe")
            job.id = id
            return job
        }
    }

    @Test func thePrefixIsEightCharactersWhenThatTellsJobsApart() {
        var prefixes = OwnIdPrefixes()
        for id in ["3f2a9c1e-0000-4000-8000-000000000001", "7b41d0aa-0000-4000-8000-000000000002"] { prefixes.insert(id) }
        #expect(prefixes.length == 8)
    }

    @Test func thePrefixGrowsAsIdsArriveThatShareMore() {
        var prefixes = OwnIdPrefixes()
        prefixes.insert("3f2a9c1e-0000-4000-8000-000000000001")
        prefixes.insert("3f2a9c1e-0000-4000-8000-000000000001")
        #expect(prefixes.length == 8, "the same id twice is one id")
        prefixes.insert("3f2a9c1e-07ab-4000-8000-000000000002")
        #expect(prefixes.length == 11)
        prefixes.insert("00000000-0000-4000-8000-000000000003")
        #expect(prefixes.length == 11, "a new id sharing less changes nothing")
        prefixes.insert("3f2a9c1e-07ab-4c00-8000-000000000004")
        #expect(prefixes.length == 16)
        #expect(prefixes.prefix(of: "3f2a9c1e-07ab-4c00-8000-000000000004") == "3f2a9c1e-07ab-4c")
    }

    @Test func theListShowsTheUniquePrefixWithAGapBeforeTheUser() {
        let ids = (0..<40).map { Self.guid("3f2a9c1e07", $0) } + [Self.guid("3f2a9c1e07ab", 99)]
        let state = Fixture.state(jobs: Self.jobs(ids), width: 120, height: 40)
        let length = state.index.idPrefixes.length
        #expect(length > 8)
        let lines = Snapshot.render(state, width: 120, height: 40).lines
        for id in ids.prefix(10) {
            let shown = String(id.prefix(length))
            #expect(lines.contains { $0.contains(shown + " jdoe") }, "\(shown) then a gap, then the user")
            #expect(!lines.contains { $0.contains(id) && $0.contains(" jdoe ") }, "the row does not show the whole id")
        }
        let shownPrefixes = Set(ids.map { $0.prefix(length) })
        #expect(shownPrefixes.count == ids.count, "every shown prefix is unique")
    }

    @Test func theDetailAndTheDialogShowTheWholeId() {
        let ids = [Self.guid("3f2a9c1e", 1), Self.guid("7b41d0aa", 2)]
        var state = Fixture.state(jobs: Self.jobs(ids), width: 140, height: 40)
        let detail = Snapshot.render(state, width: 140, height: 40).text
        #expect(detail.contains("Job \(ids[0].prefix(8))"), "the heading names the job as the list does")
        #expect(detail.contains("Id           \(ids[0])"), "the Status section has the whole id")
        Fixture.press(&state, .char("c"))
        #expect(Snapshot.render(state, width: 140, height: 40).text.contains(ids[0]))
    }
}

@Suite("Failure kinds and connection states")
struct FailureKindTests {
    @Test func aCancelRefusedBecauseTheJobEndedSaysSo() {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)])
        Fixture.press(&state, .char("c"), .char("y"))
        Fixture.send(&state, .cancelFailed(id: "1001", failure: Failure(.alreadyEnded, "Job already finished")))
        #expect(state.statusMessage == .failed(.cancel(jobId: "1001"), Failure(.alreadyEnded, "Job already finished")))
        #expect(state.pendingCancels.isEmpty)
        #expect(Snapshot.render(state, width: 120, height: 40).text.contains("Job 1001 had already ended; it cannot be canceled."))
    }

    @Test func aConfigurationFailureKeepsItsKindAndAnEmptyMessageGetsTheKindsWords() {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)])
        Fixture.send(&state, .configFailed(id: "1001", failure: Failure(.permission, "")))
        #expect(state.configs["1001"] == .failed(Failure(.permission, "")))
        #expect(Snapshot.render(state, width: 120, height: 40).text.contains("Not loaded   permission denied"))
    }

    @Test func theFirstPageFailingIsAPagingStateWithItsKind() {
        var state = DashboardState(options: Fixture.options(), width: 80, height: 24)
        Fixture.send(&state, .pageFailed(olderThan: nil, failure: Failure(.timeout, ""), at: Fixture.at(29)))
        #expect(state.servers[0].paging.phase == .failed(Failure(.timeout, "")))
        #expect(Snapshot.render(state, width: 80, height: 24).lines[3].contains("Could not load jobs: the server did not answer in time"))
    }

    @Test func aCancelThatCouldNotBeSentIsNotCalledRefused() {
        let key = JobKey(context: ContextID(0), id: "3f2b6c1e")
        let offline = FailureText.sentence(.cancel(jobId: key), Failure(.unavailable, "cannot connect to cic01:8019: connection refused"))
        #expect(offline == "Cancel of job 3f2b6c1e not sent: cannot connect to cic01:8019: connection refused")
        let refused = FailureText.sentence(.cancel(jobId: key), Failure(.permission, "no right"))
        #expect(refused == "Cancel of job 3f2b6c1e refused: no right")
    }

    @Test func everyKindHasItsOwnWords() {
        let words = FailureKind.allCases.map(FailureText.word)
        #expect(Set(words).count == FailureKind.allCases.count)
    }

    @Test func aStaleStreamShowsInTheHeaderAndNeedsNoReloadWhenLive() {
        var state = Fixture.state(jobs: [Fixture.job(1001, .started)])
        Fixture.send(&state, .connectionChanged(.stale(since: Fixture.at(29)), at: Fixture.at(31)))
        #expect(Snapshot.render(state, width: 120, height: 40).lines[0].contains("stale"))
        #expect(Fixture.send(&state, .connectionChanged(.connected, at: Fixture.at(32))).isEmpty,
                "the same stream spoke again: nothing was lost")
    }
}
