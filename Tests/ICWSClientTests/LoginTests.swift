import ICWSSimulator
import ICWSWire
import Testing
@testable import ICWSClient

@Suite struct LoginTests {
    @Test func loginChecksFeaturesAndKeepsTheSession() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let info = try await session.connect()
            #expect(info.userID == "admin")
            #expect(info.userDisplayName == "Administrator")
            #expect(info.dataExtractorVersion == 2)
            #expect(info.messagingVersion == 2)
            #expect(info.supportsServerSentEvents)
            #expect(info.server == fixture.server)
            #expect(await session.info?.sessionId == info.sessionId)
            #expect(try await session.connect().sessionId == info.sessionId, "connect() again keeps the session")
            // The cookie and CSRF token are accepted on a session call.
            #expect(try await session.listJobs(count: 1).count == 1)
        }
    }

    @Test func loginRequestCarriesTheApplicationNameAndTheConfiguredLanguage() async throws {
        let fixture = try await SimulatorFixture.start()
        var configuration = fixture.configuration()
        configuration.acceptLanguage = "es-419"
        try await fixture.withSession(configuration) { session in
            try await session.connect()
            let login = try #require(await fixture.simulator.lastLogin())
            #expect(login.acceptLanguage == "es-419")
            #expect(login.applicationName == "dxtop")
            #expect(login.userID == "admin")
        }
    }

    /// A 503 naming hosts that are not host names must not steer the login POST anywhere: with the
    /// partner listening on 127.0.0.2, `evil@127.0.0.2` would reach it as user info + host.
    @Test func invalidAlternateHostsAreSkippedAndLogged() async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withPartner { _ in
            await fixture.simulator.setFaults(SimulatorFaults(notAcceptingConnections: ["evil@127.0.0.2", "h/x?", "127.0.0.2/x"]))
            try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
                let error = await #expect(throws: ICWSError.self) { try await session.connect() }
                guard case .unavailable(_, let tried)? = error else {
                    Issue.record("expected unavailable, got \(String(describing: error))")
                    return
                }
                #expect(tried == ["127.0.0.1"])
            }
        }
        #expect(log.count(containing: "POST /icws/connection") == 1, "\(log.all)")
        #expect(log.count(containing: "ignored an invalid alternate host") == 3)
        #expect(log.all.contains { $0.contains("'evil@127.0.0.2'") })
    }

    @Test func invalidAlternatesAreDroppedAndValidOnesKept() async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            let kept = await session.validAlternates(["cic02", "evil@cic03", "[::1]", "x\u{1B}[2Jy"], from: fixture.server)
            #expect(kept == ["cic02", "::1"])
        }
        #expect(log.all.contains { $0.contains("'x?[2Jy'") }, "the escape is not logged raw: \(log.all)")
        #expect(!log.all.contains { $0.contains("\u{1B}") })
    }

    @Test func oldDataExtractorIsAFeatureMissing() async throws {
        let fixture = try await SimulatorFixture.start { $0.dataExtractorVersion = 1 }
        try await fixture.withSession { session in
            do {
                try await session.connect()
                Issue.record("login should have failed")
            } catch ICWSError.featureMissing(let message) {
                #expect(message.contains("data-extractor version 2 or later is required"))
                #expect(message.contains("offers version 1"))
            }
            #expect(await session.info == nil)
        }
    }

    @Test func messagingVersionOneHasNoServerSentEvents() async throws {
        let fixture = try await SimulatorFixture.start { $0.messagingVersion = 1 }
        try await fixture.withSession { session in
            let info = try await session.connect()
            #expect(info.messagingVersion == 1)
            #expect(!info.supportsServerSentEvents)
        }
    }

    @Test func wrongPasswordIsAuthenticationFailedWithoutThePassword() async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        let password = "wrong-Pa55word-xyz"
        try await fixture.withSession(fixture.configuration(password: password, logger: log.logger)) { session in
            do {
                try await session.connect()
                Issue.record("login should have failed")
            } catch let error as ICWSError {
                guard case .authenticationFailed(let info) = error else {
                    Issue.record("expected authenticationFailed, got \(error)")
                    return
                }
                #expect(info.status == 400)
                #expect(info.errorId == ICWSErrorID.authenticationFailure)
                #expect(error.description == "The authentication process failed.")
                #expect(!String(reflecting: error).contains(password))
            }
        }
        #expect(log.count(containing: "POST /icws/connection?include=features") == 1)
        #expect(log.all.allSatisfy { !$0.contains(password) })
    }

    @Test func switchoverMovesToTheAlternateHost() async throws {
        let fixture = try await SimulatorFixture.start()
        let partner = ICWSSimulator(partnerOf: fixture.simulator, host: "127.0.0.2", port: fixture.port)
        _ = try await partner.start()
        await fixture.simulator.setFaults(SimulatorFaults(notAcceptingConnections: ["127.0.0.2"]))
        try await fixture.withSession { session in
            let info = try await session.connect()
            #expect(info.server == ICWSServer(scheme: "http", host: "127.0.0.2", port: fixture.port))
            #expect(try await session.listJobs(count: 2).count == 2)
        }
        await partner.stop()
    }

    @Test func switchoverWithEveryHostRefusingIsUnavailable() async throws {
        let fixture = try await SimulatorFixture.start()
        let partner = ICWSSimulator(partnerOf: fixture.simulator, host: "127.0.0.2", port: fixture.port)
        _ = try await partner.start()
        await fixture.simulator.setFaults(SimulatorFaults(notAcceptingConnections: ["127.0.0.2"]))
        await partner.setFaults(SimulatorFaults(notAcceptingConnections: ["127.0.0.1"]))
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            do {
                try await session.connect()
                Issue.record("login should have failed")
            } catch ICWSError.unavailable(let info, let tried) {
                #expect(info.status == 503)
                #expect(tried == ["127.0.0.1", "127.0.0.2"])
            }
        }
        await partner.stop()
        #expect(log.count(containing: "POST /icws/connection") == 2, "each host is tried once")
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let fixture = try await SimulatorFixture.start()
        await fixture.simulator.stop()
        // A deadline far beyond any load: a refusal retried until it would take the whole minute.
        let session = try ICWSSession(configuration: fixture.configuration(timeout: .seconds(60)))
        let started = ContinuousClock.now
        do {
            try await session.connect()
            Issue.record("login should have failed")
        } catch ICWSError.transport(let message) {
            #expect(message == "cannot connect to 127.0.0.1:\(fixture.port): connection refused")
            #expect(!message.contains("\n"))
            #expect(ContinuousClock.now - started < .seconds(30), "refused at once, not retried until the deadline")
        } catch {
            Issue.record("expected a transport error, got \(error)")
        }
        await session.shutdown()
    }

    @Test func slowServerIsATimeout() async throws {
        let fixture = try await SimulatorFixture.start()
        // A timeout long enough that a loaded machine still connects in time, far below the latency.
        await fixture.simulator.setFaults(SimulatorFaults(latency: .seconds(60)))
        try await fixture.withSession(fixture.configuration(timeout: .seconds(5))) { session in
            let started = ContinuousClock.now
            do {
                try await session.connect()
                Issue.record("login should have timed out")
            } catch ICWSError.timeout(let message) {
                #expect(message.contains("POST /icws/connection"))
                #expect(message.contains("5 s"))
            }
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }

    /// A test that fails between creating a session and shutting it down must not take the whole
    /// test process down with it (AsyncHTTPClient traps on a running client's deinit).
    @Test func sessionReleasedWithoutShutdownDoesNotTrap() async throws {
        let fixture = try await SimulatorFixture.start()
        do {
            let session = try ICWSSession(configuration: fixture.configuration())
            try await session.connect()
        }
        await fixture.simulator.stop()
    }

    @Test func logoutEndsTheServerSession() async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            let first = try await session.connect()
            await session.logout()
            #expect(await session.info == nil)
            // The next call logs in again with a new session.
            #expect(try await session.listJobs(count: 1).count == 1)
            #expect(await session.info?.sessionId != first.sessionId)
        }
        #expect(log.count(containing: "DELETE /icws/") == 2, "logout, then shutdown's logout")
        #expect(log.all.allSatisfy { !$0.contains("admin-secret") })
    }
}
