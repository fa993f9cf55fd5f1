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
}
