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

    @Test func pollAnswerDispatchesByTypeAndKeepsUnknownTypes() throws {
        let messages = try Fixture.decode([ICWSMessage].self, "messages-poll.json")
        #expect(messages.count == 4)
        #expect(messages[0] == .other(type: "urn:inin.com:messaging:subscriptionStateMessage"))
        guard case .jobStatus(let jobs) = messages[1] else { Issue.record("not a jobStatusMessage"); return }
        #expect(jobs.isDelta)
        #expect(jobs.jobStatusList.first?.state == .failed)
        #expect(messages[2] == .other(type: "urn:inin.com:messaging:asyncOperationCompletedMessage"))
        guard case .connectionStateChange(let change) = messages[3] else { Issue.record("not a connection change"); return }
        #expect(change.newConnectionState == 2)
        #expect(change.shouldReconnect == true)
    }

    @Test func messageWithoutTypeIsOther() throws {
        let message = try ICWSJSON.decode(ICWSMessage.self, from: Data(#"{"isDelta":false,"jobStatusList":[]}"#.utf8))
        #expect(message == .other(type: ""))
    }

    @Test func encodedMessagesCarryTypeAndMatchFixtures() throws {
        for file in ["jobstatus-message-full.json", "jobstatus-message-delta.json", "connection-state-change-message.json"] {
            let message = try Fixture.decode(ICWSMessage.self, file)
            #expect(try encodedJSON(message) == Fixture.json(file), "\(file)")
        }
    }
}
