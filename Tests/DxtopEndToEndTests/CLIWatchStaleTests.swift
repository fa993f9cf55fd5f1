import Foundation
import ICWSWire
import Synchronization
import Testing

/// `jobs watch` applies the never-go-back rule where it merges statuses (`StateChangeTracker`): a
/// status read before a change it already printed is stale and says nothing.
@Suite("jobs watch against a scripted server")
struct CLIWatchStaleTests {
    /// Messaging 1: statuses come by polling, one answer per poll.
    static let login: ScriptedICWSServer.Script = { _ in
        var answer = ScriptedICWSServer.Response.login(sessionId: "s1")
        let features = [FeatureInfo(featureId: ICWSProtocol.dataExtractorFeature, version: 2),
                        FeatureInfo(featureId: ICWSProtocol.messagingFeature, version: 1)]
        answer.body = (try? ICWSJSON.encode(ConnectionResponse(csrfToken: "csrf", sessionId: "s1", userID: "admin",
                                                                 features: features))) ?? Data()
        return answer
    }

    /// The job is started when `jobs watch` reads it; the first poll brings a full status read
    /// earlier (queued), the second the end. Only the end is printed: no "started → queued".
    @Test func aStaleStatusIsNotPrintedAsAChange() async throws {
        let id = "3f2b9c1e-5d6a-4b7c-8e9f-0a1b2c3d4e5f"
        let polls = Mutex(0)
        @Sendable func status(_ state: JobState) -> JobStatus {
            var status = JobStatus(id: id, name: "nightly", submittedUserId: "admin")
            status.state = state
            return status
        }
        let messages: [[ICWSMessage]] = [
            [.jobStatus(JobStatusMessage(isDelta: false, jobStatusList: [status(.queued)]))],
            [.jobStatus(JobStatusMessage(isDelta: false, jobStatusList: [status(.finished)]))],
        ]
        let script: ScriptedICWSServer.Script = { request in
            if request.path.hasSuffix("/messaging/messages") {
                let poll = polls.withLock { count in
                    defer { count += 1 }
                    return count
                }
                return .json(200, poll < messages.count ? messages[poll] : [])
            }
            if request.path.hasSuffix("/jobs/\(id)") { return .json(200, Job(jobStatus: status(.started))) }
            return .json(200, [String: String]())
        }
        try await ScriptedICWSServer.with(login: Self.login, script: script) { server in
            let result = try await DxtopBinary.run(["jobs", "watch", id], env: server.environment)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("finished"), "\(result.stdout)")
            #expect(!result.stdout.contains("queued"), "the stale status went back: \(result.stdout)")
        }
    }

    /// Issue 16, item 5: the watch keeps each job's status once, in its tracker, and a delta
    /// merges there. The server sends the end as a delta (state alone, no name) before any full
    /// status of the job: the line still names the job, from the status the watch read first.
    @Test func aDeltaMergesIntoTheStatusTheWatchKeeps() async throws {
        let id = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"
        let polls = Mutex(0)
        var started = JobStatus(id: id, name: "nightly", submittedUserId: "admin")
        started.state = .started
        var end = JobStatus(id: id, name: "", submittedUserId: "")
        end.state = .finished
        let delta = ICWSMessage.jobStatus(JobStatusMessage(isDelta: true, jobStatusList: [end]))
        let script: ScriptedICWSServer.Script = { [started] request in
            if request.path.hasSuffix("/messaging/messages") {
                let first = polls.withLock { count in
                    defer { count += 1 }
                    return count == 0
                }
                return .json(200, first ? [delta] : [])
            }
            if request.path.hasSuffix("/jobs/\(id)") { return .json(200, Job(jobStatus: started)) }
            return .json(200, [String: String]())
        }
        try await ScriptedICWSServer.with(login: Self.login, script: script) { server in
            let result = try await DxtopBinary.run(["jobs", "watch", id], env: server.environment)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("started → finished  nightly"), "\(result.stdout)")
        }
    }
}
