import ICWSSimulator
import ICWSWire
import Testing
@testable import ICWSClient

@Suite struct ReloginTests {
    static let login = "POST /icws/connection?include=features"

    @Test func expiredSessionLogsInAgainAndRetries() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.setFaults(SimulatorFaults(expireSessionsAfterRequests: 2))
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            let first = try await session.connect()
            for _ in 0..<3 { #expect(try await session.listJobs(count: 2).count == 2) }
            #expect(await session.info?.sessionId != first.sessionId)
        }
        #expect(log.count(containing: Self.login) == 2)
        #expect(log.count(containing: "-> 401") == 1)
        #expect(log.all.allSatisfy { !$0.contains("admin-secret") }, "the password is never logged")
    }

    @Test func concurrent401sShareOneRelogin() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.setFaults(SimulatorFaults(expireSessionsAfterRequests: 6))
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            try await session.connect()
            for _ in 0..<6 { _ = try await session.listJobs(count: 1) }
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<5 { group.addTask { try await session.listJobs(count: 3).count } }
                for try await count in group { #expect(count == 3) }
            }
        }
        #expect(log.count(containing: "-> 401") == 5)
        #expect(log.count(containing: Self.login) == 2, "one login, then one shared re-login")
    }

    @Test func second401IsAuthenticationFailed() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.setFaults(SimulatorFaults(expireSessionsAfterRequests: 0))
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            do {
                _ = try await session.listJobs()
                Issue.record("expected authenticationFailed")
            } catch ICWSError.authenticationFailed(let info) {
                #expect(info.status == 401)
            }
        }
        #expect(log.count(containing: Self.login) == 2, "no login loop")
    }

    @Test func subscriptionIsPutAgainAfterRelogin() async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            let id = try #require(try await session.listJobs(count: 1).first?.id)
            try await session.subscribeJobStatuses(jobIds: [id])
            _ = try await session.pollMessages()
            let first = try #require(await session.info)
            // The server drops the session: the next ordinary call answers 401 and logs in again.
            #expect(await fixture.simulator.endSessions() == 1)
            #expect(try await session.listJobs(count: 1).count == 1)
            #expect(await session.info?.sessionId != first.sessionId)
            // The re-login PUT the subscription again, which queued a full status message.
            let messages = try await session.pollMessages()
            guard case .jobStatus(let message)? = messages.first else {
                Issue.record("expected the full status message of the re-PUT subscription, got \(messages)")
                return
            }
            #expect(!message.isDelta)
            #expect(message.jobStatusList.map(\.id) == [id])
            // Unsubscribing answers 204, which counts as success.
            try await session.unsubscribeJobStatuses()
        }
        #expect(log.count(containing: "-> 401") == 1)
        #expect(log.count(containing: Self.login) == 2)
    }

    @Test func aReloginWhoseSubscriptionFailsSendsItAgainOnceTheFeedIsLive() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession(fixture.configuration()) { session in
            let id = try #require(try await session.listJobs(count: 1).first?.id)
            try await session.subscribeJobStatuses(jobIds: [id])
            _ = try await session.pollMessages()
            #expect(await fixture.simulator.endSessions() == 1)
            // The re-login's PUT is the new session's first request: it meets the injected 500.
            await fixture.simulator.setFaults(SimulatorFaults(failNextRequests: 1))
            #expect(try await session.listJobs(count: 1).count == 1)
            #expect(try await session.pollMessages().isEmpty, "the failed PUT queued nothing")
            await session.retryFailedSubscription()
            let messages = try await session.pollMessages()
            guard case .jobStatus(let message)? = messages.first else {
                Issue.record("expected the full status message of the subscription sent again, got \(messages)")
                return
            }
            #expect(!message.isDelta)
            #expect(message.jobStatusList.map(\.id) == [id])
        }
    }

    @Test func vanishedHostSwitchesToThePartner() async throws {
        let fixture = try await SimulatorFixture.start()
        let partner = ICWSSimulator(partnerOf: fixture.simulator, host: "127.0.0.2", port: fixture.port)
        _ = try await partner.start()
        try await fixture.withSession(fixture.configuration(timeout: .seconds(5))) { session in
            let first = try await session.connect()
            #expect(first.server.host == "127.0.0.1")
            await fixture.simulator.stop()
            #expect(try await session.listJobs(count: 2).count == 2)
            #expect(await session.info?.server.host == "127.0.0.2")
        }
        await partner.stop()
    }
}
