import Foundation
import Testing
@testable import ICWSWire

@Suite("Job timeline")
struct JobTimelineTests {
    static let base = Date(timeIntervalSince1970: 1_795_860_000)

    @Test func aFinishedJobReachesEveryStepWithTheTimeBetween() {
        let job = JobStatus(id: "1", name: "n", submittedUserId: "u", state: .finished, submitTime: Self.base,
                            queuedTime: Self.base + 2, startedTime: Self.base + 60, finishedTime: Self.base + 245)
        let timeline = JobTimeline(job)
        #expect(timeline.entries.map(\.step) == [.submitted, .queued, .started, .finished])
        #expect(timeline.entries.map(\.progress) == [.reached, .reached, .reached, .current])
        #expect(timeline.entries.map(\.sincePrevious) == [nil, 2, 58, 185])
    }

    @Test func aStepWithoutATimeIsSkippedOnlyWhenALaterOneHasATime() {
        var job = JobStatus(id: "1", name: "n", submittedUserId: "u", state: .started, submitTime: Self.base, startedTime: Self.base + 60)
        #expect(JobTimeline(job).entries.map(\.progress) == [.reached, .skipped, .current, .notReached])
        #expect(JobTimeline(job).currentSince == Self.base + 60)
        job.state = .canceled
        job.startedTime = nil
        job.canceledTime = Self.base + 30
        let canceled = JobTimeline(job)
        #expect(canceled.entries.map(\.progress) == [.reached, .notReached, .notReached, .current],
                "canceled while submitted: queued and started were never reached")
        #expect(canceled.entries.last?.step == .canceled)
    }

    @Test func theEndTimeStandsInForTheEndStepAndOnlyTheJobsOwnEndIsShown() {
        // A failed job that also carries a finished time: only the failure is its end.
        let job = JobStatus(id: "1", name: "n", submittedUserId: "u", state: .failed, submitTime: Self.base,
                            finishedTime: Self.base + 99, failedTime: nil, stateChangedTime: Self.base + 50)
        let timed = JobTimeline(job).timed
        #expect(timed.map(\.step) == [.submitted, .failed])
        #expect(timed.last?.time == job.endTime)
    }
}
