import Foundation
import ICWSWire
import Testing
@testable import Exporter

/// The exporter's one copy of its watched jobs' statuses, where the feed's deltas merge (the feed
/// keeps none).
@Suite("Watched statuses")
struct WatchedStatusesTests {
    @Test func replacesAndMergesDeltas() {
        var cache = WatchedStatuses()
        let full = JobStatus(id: "1", name: "n", submittedUserId: "u", submittedUserSiteId: 1, state: .queued,
                             submitTime: Date(timeIntervalSince1970: 100))
        #expect(cache.apply(JobStatusMessage(isDelta: false, jobStatusList: [full])) == [full])
        let delta = JobStatus(id: "1", name: "", submittedUserId: "", state: .started, startedTime: Date(timeIntervalSince1970: 200))
        let merged = cache.apply(JobStatusMessage(isDelta: true, jobStatusList: [delta]))
        #expect(merged.first?.state == .started)
        #expect(merged.first?.name == "n")
        #expect(merged.first?.submitTime == Date(timeIntervalSince1970: 100))
        let unknownDelta = JobStatus(id: "2", name: "", submittedUserId: "", state: .failed)
        #expect(cache.apply(JobStatusMessage(isDelta: true, jobStatusList: [unknownDelta])) == [unknownDelta])
        let replacement = JobStatus(id: "1", name: "m", submittedUserId: "u", state: .finished)
        #expect(cache.apply(JobStatusMessage(isDelta: false, jobStatusList: [replacement])) == [replacement])
        cache.keep(only: ["2"])
        #expect(Array(cache.statuses.keys) == ["2"])
    }

    /// Issue 16, item 5: the never-go-back rule where the exporter merges. A full status read before a
    /// change already delivered (the subscription's answer racing a delta) leaves the job where it is.
    @Test func neverTakesAJobBack() {
        var cache = WatchedStatuses()
        let started = JobStatus(id: "1", name: "n", submittedUserId: "u", state: .started)
        _ = cache.apply(JobStatusMessage(isDelta: false, jobStatusList: [started]))
        let older = JobStatus(id: "1", name: "n", submittedUserId: "u", state: .queued)
        #expect(cache.apply(JobStatusMessage(isDelta: false, jobStatusList: [older])) == [started])
        let olderDelta = JobStatus(id: "1", name: "", submittedUserId: "", state: .submitted)
        #expect(cache.apply(JobStatusMessage(isDelta: true, jobStatusList: [olderDelta])).first?.state == .started)
        let unknown = JobStatus(id: "1", name: "n", submittedUserId: "u", state: .unknown(9))
        #expect(cache.apply(JobStatusMessage(isDelta: false, jobStatusList: [unknown])).first?.state == .unknown(9),
                "a state this client does not know is never judged older")
    }
}
