import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("Injected faults")
struct FaultTests {
    @Test func latencyDelaysEveryRequest() async throws {
        try await withSimulator { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            await simulator.setFaults(SimulatorFaults(latency: .milliseconds(300)))
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await client.send(.GET, ICWSPath.version)
            #expect(response.status == 200)
            #expect(clock.now - start >= .milliseconds(300))
        }
    }

    @Test func sessionsExpireAfterNRequests() async throws {
        try await withSimulator { simulator in
            await simulator.setFaults(SimulatorFaults(expireSessionsAfterRequests: 2))
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(try await session.jobs().status == 200)
            #expect(try await session.jobs().status == 200)
            let expired = try await session.jobs()
            #expect(expired.status == 401)
            #expect(expired.header("WWW-Authenticate") != nil)
            #expect(expired.error?.errorCode == 1)
            // A new login works again (for another N requests).
            let renewed = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(try await renewed.jobs().status == 200)
        }
    }

    @Test func notAcceptingConnectionsAnswers503WithAlternateHosts() async throws {
        try await withSimulator { simulator in
            await simulator.setFaults(SimulatorFaults(notAcceptingConnections: ["127.0.0.2"]))
            let response = try await WireClient(baseURL: simulator.baseURL).login("admin", "admin-secret")
            #expect(response.status == 503)
            #expect(response.header("Content-Type") == ICWSProtocol.mediaType)
            let body = try #require(response.error)
            #expect(body.alternateHostList == ["127.0.0.2"])
            #expect(body.errorId == "error.server.notAcceptingConnections")
            #expect(body.message == "This Session Manager is not currently accepting connections.")
        }
    }

    @Test func failNextRequestsAnswers500ThenRecovers() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            await simulator.setFaults(SimulatorFaults(failNextRequests: 2))
            let first = try await session.jobs()
            let second = try await session.send(.GET, ICWSPath.job(session.id, await simulator.jobIds().last!))
            #expect(first.status == 500 && second.status == 500)
            #expect(first.error?.message.isEmpty == false)
            #expect(first.header("Content-Type") == ICWSProtocol.mediaType)
            #expect(try await session.jobs().status == 200)
        }
    }
}
