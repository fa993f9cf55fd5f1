import Foundation
import ICWSWire
import Testing
@testable import ICWSClient

@Suite struct MessageDecodingTests {
    /// Unknown state, unknown fields, extended dates with fractions, an unknown message type.
    static let hostile = """
    [{"__type":"urn:inin.com:dataExtractor:jobStatusMessage","isDelta":false,"futureField":{"x":[1,2]},
      "jobStatusList":[{"id":"77","name":"odd","submittedUserId":"jdoe","submittedUserSiteId":1,"state":9,
        "submitTime":"2026-11-28T10:15:00.123456Z","stateChangedTime":"20261128T101600Z","shinyNewThing":true}]},
     {"__type":"urn:inin.com:messaging:somethingNew","isDelta":true},
     {"__type":"urn:inin.com:dataExtractor:jobStatusMessage","isDelta":true,"jobStatusList":[{"name":"no id"}]}]
    """

    @Test func hostilePayloadDecodesAndBadElementIsSkipped() throws {
        let outcome = MessageDecoding.decode(Data(Self.hostile.utf8))
        #expect(outcome.unreadable == nil)
        #expect(outcome.problems == ["skipped [2].jobStatusList.[0] (missing field 'id' at [2].jobStatusList.[0])"])
        #expect(outcome.messages.count == 3)
        guard case .jobStatus(let message)? = outcome.messages.first else {
            Issue.record("expected a job status message")
            return
        }
        let status = try #require(message.jobStatusList.first)
        #expect(status.state == .unknown(9))
        #expect(status.submitTime == Date(timeIntervalSince1970: 1_795_860_900.123456))
        #expect(outcome.messages[1] == .other(type: "urn:inin.com:messaging:somethingNew"))
        #expect(outcome.messages.last == .jobStatus(JobStatusMessage(isDelta: true, jobStatusList: [])), "its good statuses (none) are kept")
    }

    @Test func singleObjectAndEmptyPayloads() {
        let one = #"{"__type":"urn:inin.com:connection:connectionStateChangeMessage","isDelta":false,"newConnectionState":2,"reason":"bye"}"#
        #expect(MessageDecoding.decode(Data(one.utf8)).messages.count == 1)
        #expect(MessageDecoding.decode(Data("[]".utf8)).messages.isEmpty)
        #expect(MessageDecoding.decode(Data()).messages.isEmpty)
        #expect(MessageDecoding.decode(Data("not json".utf8)).unreadable != nil)
    }

    @Test func feedCacheReplacesAndMergesDeltas() {
        var cache = FeedCache()
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

    /// Issue 16, item 5: the never-go-back rule where the feed merges. A full status read before a
    /// change already delivered (the subscription's answer racing a delta) leaves the job where it is.
    @Test func feedCacheNeverTakesAJobBack() {
        var cache = FeedCache()
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
