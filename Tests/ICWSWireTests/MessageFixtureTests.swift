import Foundation
import ICWSWire
import Testing

@Suite("Message fixtures")
struct MessageFixtureTests {
    private func jobStatusMessage(_ file: String) throws -> JobStatusMessage {
        guard case .jobStatus(let message) = try Fixture.decode(ICWSMessage.self, file) else {
            Issue.record("\(file) is not a jobStatusMessage")
            throw CancellationError()
        }
        return message
    }

    @Test func fullMessageDecodes() throws {
        let message = try jobStatusMessage("jobstatus-message-full.json")
        #expect(message.isDelta == false)
        #expect(message.jobStatusList.map(\.id) == ["1042", "1041"])
        #expect(message.jobStatusList.map(\.state) == [.queued, .finished])
        #expect(message.jobStatusList[0].queuedTime == utc(2026, 11, 28, 10, 15, 2))
    }

    @Test func deltaMergesIntoFullStatus() throws {
        let full = try jobStatusMessage("jobstatus-message-full.json").jobStatusList[0]
        let delta = try jobStatusMessage("jobstatus-message-delta.json")
        #expect(delta.isDelta)
        let merged = full.merging(delta: delta.jobStatusList[0])
        #expect(merged.state == .started)
        #expect(merged.startedTime == utc(2026, 11, 28, 10, 15, 10))
        #expect(merged.stateChangedTime == utc(2026, 11, 28, 10, 15, 10))
        #expect(merged.outputFolder == #"D:\DataExtractor\Output\Nightly interaction extract_1042"#)
        // Fields the delta leaves out are kept.
        #expect(merged.submitTime == utc(2026, 11, 28, 10, 15, 0))
        #expect(merged.queuedTime == utc(2026, 11, 28, 10, 15, 2))
        #expect(merged.name == "Nightly interaction extract")
        #expect(merged.submittedUserSiteId == 1)
        // The merge equals the job as GET jobs reports it afterwards.
        let listed = try Fixture.decode(Job.self, "job-all.json").jobStatus
        #expect(merged == listed)
    }

    @Test func connectionStateChangeDecodes() throws {
        let message = try Fixture.decode(ICWSMessage.self, "connection-state-change-message.json")
        #expect(message == .connectionStateChange(ConnectionStateChangeMessage(
            previousConnectionState: 1, newConnectionState: 2,
            reason: "The session was logged off by an administrator.", shouldReconnect: false)))
    }

    @Test func pollAnswerDispatchesByType() throws {
        let messages = try Fixture.decode([ICWSMessage].self, "messages-poll.json")
        #expect(messages.count == 4)
        #expect(messages[0] == .subscriptionState(SubscriptionStateMessage(state: .normal)))
        guard case .jobStatus(let jobs) = messages[1] else { Issue.record("not a jobStatusMessage"); return }
        #expect(jobs.isDelta)
        #expect(jobs.jobStatusList.first?.state == .failed)
        #expect(messages[2] == .asyncOperationCompleted(AsyncOperationCompletedMessage(requestId: "7f3c")), "error: null is no error")
        guard case .connectionStateChange(let change) = messages[3] else { Issue.record("not a connection change"); return }
        #expect(change.newConnectionState == 2)
        #expect(change.shouldReconnect == true)
    }

    @Test func messageWithoutTypeIsOther() throws {
        let message = try ICWSJSON.decode(ICWSMessage.self, from: Data(#"{"isDelta":false,"jobStatusList":[]}"#.utf8))
        #expect(message == .other(type: ""))
    }

    @Test func encodedMessagesCarryTypeAndMatchFixtures() throws {
        for file in ["jobstatus-message-full.json", "jobstatus-message-delta.json", "connection-state-change-message.json",
                     "subscription-state-message.json", "async-operation-completed-message.json",
                     "multiple-subscription-message.json"] {
            let message = try Fixture.decode(ICWSMessage.self, file)
            #expect(try encodedJSON(message) == Fixture.json(file), "\(file)")
        }
    }

    @Test func unknownTypeIsKeptByName() throws {
        let message = try ICWSJSON.decode(ICWSMessage.self, from: Data(#"{"__type":"urn:inin.com:status:userStatusMessage","isDelta":true}"#.utf8))
        #expect(message == .other(type: "urn:inin.com:status:userStatusMessage"))
    }

    @Test func subscriptionStateMessageCarriesStateAndError() throws {
        let message = try Fixture.decode(ICWSMessage.self, "subscription-state-message.json")
        #expect(message == .subscriptionState(SubscriptionStateMessage(
            state: .faulted,
            error: ICWSErrorBody(errorId: "error.server.subscriptionFaulted", message: "The subscription could not be maintained."))))
    }

    @Test(arguments: [(0, SubscriptionState.none), (1, .normal), (2, .suspended), (3, .faulted), (9, .unknown(9))])
    func subscriptionStatesByNumber(number: Int, state: SubscriptionState) throws {
        let json = #"{"__type":"urn:inin.com:messaging:subscriptionStateMessage","isDelta":false,"state":\#(number)}"#
        #expect(try ICWSJSON.decode(ICWSMessage.self, from: Data(json.utf8)) == .subscriptionState(SubscriptionStateMessage(state: state)))
        #expect(state.rawValue == number)
    }

    @Test func asyncOperationCompletedAndMultipleSubscriptionDecode() throws {
        let completed = try Fixture.decode(ICWSMessage.self, "async-operation-completed-message.json")
        guard case .asyncOperationCompleted(let operation) = completed else { Issue.record("not an asyncOperationCompletedMessage"); return }
        #expect(operation.requestId == "7f3c")
        #expect(operation.error?.message == "The request could not be completed.")
        #expect(try Fixture.decode(ICWSMessage.self, "multiple-subscription-message.json")
                == .multipleSubscription(MultipleSubscriptionMessage(subscriptionId: "dxtop-jobs")))
        let bare = #"{"__type":"urn:inin.com:messaging:multipleSubscriptionMessage","isDelta":false}"#
        #expect(try ICWSJSON.decode(ICWSMessage.self, from: Data(bare.utf8)) == .multipleSubscription(MultipleSubscriptionMessage()))
    }

    @Test func typedMessageMissingItsRequiredFieldDoesNotDecode() {
        for json in [#"{"__type":"urn:inin.com:messaging:subscriptionStateMessage","isDelta":false}"#,
                     #"{"__type":"urn:inin.com:messaging:asyncOperationCompletedMessage","isDelta":false}"#] {
            #expect(throws: DecodingError.self) { try ICWSJSON.decode(ICWSMessage.self, from: Data(json.utf8)) }
        }
    }
}
