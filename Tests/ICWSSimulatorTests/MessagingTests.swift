import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("Subscriptions, polling and server-sent events")
struct MessagingTests {
    @Test func subscriptionQueuesFullStatusesThenDeltas() async throws {
        try await withSimulator { simulator in
            let newestId = await simulator.jobId(age: 0)
            let secondNewestId = await simulator.jobId(age: 1)
            let oldestId = try #require(await simulator.jobIds().last)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let other = try await WireClient(baseURL: simulator.baseURL).session("jdoe", "jdoe-secret")
            #expect(try await other.subscribe([oldestId]).status == 204)
            _ = try await other.pollJobMessages()

            #expect(try await session.subscribe([newestId, secondNewestId, "999999"]).status == 204)
            let full = try await session.pollJobMessages()
            #expect(full.count == 1)
            #expect(full.first?.isDelta == false)
            #expect(full.first?.jobStatusList.map(\.id) == [newestId, secondNewestId])
            // The wire carries whole seconds, so compare what does not depend on rounding.
            let newest = try #require(await simulator.jobStatus(id: newestId))
            #expect(full.first?.jobStatusList.first?.state == newest.state)
            #expect(full.first?.jobStatusList.first?.name == newest.name)
            #expect(try await session.pollJobMessages().isEmpty)

            await simulator.advance(jobId: newestId)
            let advanced = try #require(await simulator.jobStatus(id: newestId))
            let raw = try await session.send(.GET, ICWSPath.messages(session.id), csrf: false)
            let objects = try #require(try JSONSerialization.jsonObject(with: raw.body) as? [[String: Any]])
            #expect(objects.count == 1)
            #expect(objects.first?["__type"] as? String == JobStatusMessage.typeName)
            #expect(objects.first?["isDelta"] as? Bool == true)
            let delta = try #require((objects.first?["jobStatusList"] as? [[String: Any]])?.first)
            #expect(Set(delta.keys) == ["id", "name", "submittedUserId", "submittedUserSiteId", "state",
                                        "stateChangedTime", "queuedTime"])
            #expect(delta["state"] as? Int == advanced.state?.rawValue)

            try await simulator.cancel(jobId: secondNewestId, as: "admin")
            let canceled = try await session.pollJobMessages()
            let change = try #require(canceled.first?.jobStatusList.first)
            #expect(canceled.first?.isDelta == true)
            #expect(change.id == secondNewestId && change.state == .canceled && change.cancelUserId == "admin")
            #expect(change.canceledTime != nil && change.submitTime == nil)

            #expect(try await other.pollJobMessages().isEmpty, "a session not subscribed to these jobs hears nothing")
        }
    }

    @Test func subscriptionNeedsJobIds() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let path = ICWSPath.jobStatusSubscription(session.id)
            #expect(try await session.send(.PUT, path).status == 400)
            #expect(try await session.send(.PUT, path, body: Data("{}".utf8)).status == 400)
            #expect(try await session.send(.DELETE, path).status == 204)
        }
    }

    @Test func unsubscribedSessionsGetNoDeltas() async throws {
        try await withSimulator { simulator in
            let newestId = await simulator.jobId(age: 0)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([newestId])
            _ = try await session.send(.DELETE, ICWSPath.jobStatusSubscription(session.id))
            _ = try await session.pollJobMessages()
            await simulator.advance(jobId: newestId)
            #expect(try await session.pollJobMessages().isEmpty)
        }
    }

    @Test func eventStreamFlushesQueuedMessagesPingsAndPushesDeltas() async throws {
        try await withSimulator(.with { $0.pingInterval = .milliseconds(100) }) { simulator in
            let newestId = await simulator.jobId(age: 0)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([newestId])
            let response = try await session.openEventStream()
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "Content-Type") == ICWSProtocol.eventStreamType)
            #expect(response.headers.first(name: "Connection")?.lowercased() == "close",
                    "the server closes the connection when the stream ends")
            let frames = try await withTimeout(10, "event stream frames") {
                var reader = EventStreamReader(response)
                var frames: [String] = []
                while let frame = try await reader.nextFrame() {
                    frames.append(frame)
                    if frame == ":ping", !frames.contains(where: { $0.contains(#""isDelta":true"#) }) {
                        await simulator.advance(jobId: newestId)
                    }
                    if frame.contains(#""isDelta":true"#) { break }
                }
                return frames
            }
            let first = try #require(frames.first)
            #expect(first.hasPrefix("data: {"))
            #expect(first.contains(#""isDelta":false"#))
            #expect(!first.dropFirst(6).contains("\n"), "one data line per message")
            #expect(frames.contains(":ping"))
            #expect(frames.last?.hasPrefix("data: ") == true)
        }
    }

    @Test func eventStreamEndsWhenTheServerStops() async throws {
        let simulator = ICWSSimulator(configuration: SimulatorConfiguration(jobCount: 5, speed: 0))
        _ = try await simulator.start()
        let newestId = await simulator.jobId(age: 0)
        let session = try await WireClient(baseURL: simulator.baseURL).session()
        _ = try await session.subscribe([newestId])
        let response = try await session.openEventStream()
        let ended = try await withTimeout(30, "stream end after stop") {
            var reader = EventStreamReader(response)
            _ = try await reader.nextJobMessage()
            await simulator.stop()
            while let _ = try? await reader.nextFrame() {}
            return true
        }
        #expect(ended)
    }

    @Test func eventStreamEndsOnLogout() async throws {
        try await withSimulator { simulator in
            let newestId = await simulator.jobId(age: 0)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([newestId])
            let response = try await session.openEventStream()
            let frames = try await withTimeout(10, "stream end after logout") {
                var reader = EventStreamReader(response)
                var frames = [try await reader.nextFrame()]
                _ = try await session.send(.DELETE, ICWSPath.sessionConnection(session.id))
                while let frame = try await reader.nextFrame() { frames.append(frame) }
                return frames.count
            }
            #expect(frames == 1)
        }
    }

    @Test func messagingVersion1HasNoEventStream() async throws {
        try await withSimulator(.with { $0.messagingVersion = 1 }) { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let response = try await session.send(.GET, ICWSPath.messages(session.id),
                                                  headers: [("Accept", ICWSProtocol.eventStreamType)], csrf: false)
            #expect(response.status == 406)
            #expect(response.error?.message.contains("poll") == true)
        }
    }

    @Test func engineMovesJobsOnItsOwn() async throws {
        try await withSimulator(.with { $0.speed = 5 }) { simulator in
            let active = await simulator.allJobStatuses().filter { $0.knownState.isCancelable }
            try #require(!active.isEmpty)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe(active.map(\.id))
            let response = try await session.openEventStream()
            let delta = try await withTimeout(30, "a job change pushed by the engine") {
                var reader = EventStreamReader(response)
                while let message = try await reader.nextJobMessage() {
                    if message.isDelta { return message.jobStatusList.first }
                }
                return nil
            }
            let change = try #require(delta)
            #expect(Set(active.map(\.id)).contains(change.id))
            #expect(change.state != nil && change.stateChangedTime != nil)
        }
    }

    @Test func otherUsersSubmitJobsWithNewJobInterval() async throws {
        try await withSimulator(.with { $0.speed = 20; $0.newJobInterval = 2; $0.jobCount = 3 }) { simulator in
            let changes = await simulator.changes()
            let seeded = Set(await simulator.jobIds())
            let newJob = try await withTimeout(30, "a job submitted by another user") { () -> JobStatus? in
                // A new job arrives as a full status (with its submit time); later deltas may overtake it.
                for await status in changes where !seeded.contains(status.id) && status.submitTime != nil { return status }
                return nil
            }
            let job = try #require(newJob)
            #expect(job.state == .submitted)
            #expect(job.submitTime != nil)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(try await session.jobList().contains { $0.id == job.id })
        }
    }
}
