import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// The profiles of what stands around the event stream: a proxy that ends idle streams, answers
/// that close their connection, sessions that expire when idle, capped job lists, messaging 1.
@Suite("Server profiles: proxies, sessions and limits")
struct ProfileServerTests {
    private func profile(_ name: String) throws -> ServerProfile { try #require(ServerProfile.named(name)) }

    @Test func proxyIdleCloseEndsAStreamNothingWasWrittenOnFor() async throws {
        // 30 s scaled to 300 ms.
        let limit = Duration.milliseconds(300)
        try await withSimulator(.with { $0.profile = ServerProfile.named("proxy-idle-close")!.scaled(by: 0.01) }) { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([await simulator.jobId(age: 0)])
            let opened = ContinuousClock.now
            let (answer, _) = try await rawExchange(port: simulator.port ?? 0, session.rawEventStreamRequest)
            let lastWrite = try #require(answer.chunks.last?.arrived)
            #expect(answer.ended, "the proxy ended the stream")
            #expect(ContinuousClock.now - lastWrite >= limit * 0.9 && ContinuousClock.now - opened < .seconds(10))
            #expect(SSEFrames(answer.text).dataPayloads.count == 1 && SSEFrames(answer.text).comments.isEmpty)
            #expect(try await session.jobs().status == 200, "the session itself is fine")
        }
    }

    @Test("connection-close closes the connection after every answer; the standard profile keeps it",
          arguments: ["connection-close", "standard"])
    func connectionClose(name: String) async throws {
        let profile = try profile(name)
        try await withSimulator(.with { $0.profile = profile }) { simulator in
            let request = rawGET(ICWSPath.features, headers: [("Connection", "keep-alive")])
            let (answer, closed) = try await rawExchange(port: simulator.port ?? 0, request)
            #expect(answer.head.hasPrefix("HTTP/1.1 200"))
            #expect((answer.header("Connection")?.lowercased() == "close") == profile.connectionClose, "\(answer.head)")
            #expect(closed == profile.connectionClose)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(try await session.jobList().count == 30, "clients still work")
        }
    }

    @Test func idleSessionExpiresEvenWithAnOpenStreamButRequestsKeepItAlive() async throws {
        // 30 s scaled to 6 s: long enough that a request paced every 1.2 s still lands in time when
        // a full parallel test run stalls this one for seconds.
        let timeout = Duration.seconds(6)
        try await withSimulator(.with { $0.profile = ServerProfile.named("idle-session-expiry")!.scaled(by: 0.2) }) { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            let busy = try await client.session()
            // A request every 1.2 s (pacing, the behaviour under test): 7.2 s > timeout. The server
            // saw two requests at most as far apart as the first one's sending and the second one's
            // answer: only when a stalled test process let that reach the timeout may the session
            // rightly be gone.
            var lastSent = ContinuousClock.now
            for _ in 0..<6 {
                let sent = ContinuousClock.now
                let status = try await busy.jobs("?jobCount=1").status
                let apart = ContinuousClock.now - lastSent
                guard status == 200 || apart < timeout else { break }
                #expect(status == 200, "a request at most \(apart) after the last one")
                lastSent = sent
                try await Task.sleep(for: timeout / 5)
            }
            let idle = try await client.session()
            let opened = ContinuousClock.now
            let (answer, _) = try await rawExchange(port: simulator.port ?? 0, idle.rawEventStreamRequest)
            #expect(answer.ended, "the expiry ends the open stream")
            #expect(ContinuousClock.now - opened >= timeout * 0.9)
            #expect(try await idle.jobs().status == 401)
        }
    }

    @Test func cappedJobCountReturnsShortPagesWithoutAnError() async throws {
        try await withSimulator(.with { $0.profile = ServerProfile.named("capped-job-count")!; $0.jobCount = 60 }) { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(try await session.jobList("?jobCount=50").count == 25)
            #expect(try await session.jobList("?jobCount=1000").count == 25)
            #expect(try await session.jobList("?jobCount=10").count == 10)
            let first = try await session.jobList("?jobCount=50")
            let next = try await session.jobList("?jobCount=50&fromJobId=\(first.last?.jobStatus?.id ?? "")")
            let ids = await simulator.jobIds()
            #expect(next.count == 25 && next.first?.jobStatus?.id == ids[25])
        }
    }

    @Test func messagingV1ListsVersion1RefusesStreamsAndPolls() async throws {
        try await withSimulator(.with { $0.profile = ServerProfile.named("messaging-v1")! }) { simulator in
            let features = try await WireClient(baseURL: simulator.baseURL).send(.GET, ICWSPath.features)
            let messaging = try features.decode(FeatureInfoList.self).featureInfoList.first { $0.featureId == ICWSProtocol.messagingFeature }
            #expect(messaging?.version == 1)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([await simulator.jobId(age: 0)])
            let (answer, _) = try await rawExchange(port: simulator.port ?? 0, session.rawEventStreamRequest)
            #expect(answer.head.hasPrefix("HTTP/1.1 406"))
            #expect(try await session.pollJobMessages().first?.isDelta == false)
        }
    }

    @Test func everyProfileHasAUniqueNameAndIsFoundByIt() {
        let names = ServerProfile.all.map(\.name)
        #expect(Set(names).count == names.count && names.count >= 14)
        for profile in ServerProfile.all { #expect(ServerProfile.named(profile.name.uppercased()) == profile) }
        #expect(ServerProfile.named("nope") == nil)
    }
}
