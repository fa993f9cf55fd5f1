import ICWSSimulator
import ICWSWire
import Testing
@testable import ICWSClient

@Suite struct JobCallTests {
    @Test func listIsNewestFirstAndPagesWithFromJobId() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let first = try await session.listJobs(count: 10)
            #expect(first.count == 10)
            #expect(first.allSatisfy { $0.jobStatus != nil && $0.jobConfig == nil })
            let newestFirst = await fixture.simulator.allJobStatuses().map(\.id)
            #expect(first.compactMap(\.id) == Array(newestFirst.prefix(10)))
            #expect(first.allSatisfy { $0.id?.count == 36 }, "job ids are GUIDs")
            let second = try await session.listJobs(count: 10, fromJobId: first.last?.id)
            #expect(second.compactMap(\.id) == Array(newestFirst.dropFirst(10).prefix(10)))
        }
    }

    @Test func allJobsWalksEveryPage() async throws {
        let fixture = try await SimulatorFixture.start { $0.jobCount = 25 }
        try await fixture.withSession { session in
            var pages: [[Job]] = []
            for try await page in session.allJobs(pageSize: 10) { pages.append(page.jobs) }
            #expect(pages.map(\.count) == [10, 10, 5])
            let ids = pages.flatMap { $0 }.compactMap(\.id)
            #expect(Set(ids).count == 25)
        }
    }

    @Test func allJobsStartsBeforeTheGivenId() async throws {
        let fixture = try await SimulatorFixture.start { $0.jobCount = 25 }
        try await fixture.withSession { session in
            let newest = try await session.listJobs(count: 5)
            let start = try #require(newest.last?.id)
            var ids: [String] = []
            for try await page in session.allJobs(from: start, pageSize: 10) { ids += page.jobs.compactMap(\.id) }
            #expect(ids.count == 20, "the 25 jobs minus the 5 newest")
            #expect(Set(ids).isDisjoint(with: newest.compactMap(\.id)))
            #expect(ids == Array(await fixture.simulator.allJobStatuses().map(\.id).dropFirst(5)))
        }
    }

    @Test func emptyJobIdIsRefusedBeforeAnyRequest() async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            for call in [{ _ = try await session.job(id: "") }, { try await session.cancelJob(id: "") }] as [@Sendable () async throws -> Void] {
                let error = await #expect(throws: ICWSError.self) { try await call() }
                guard case .invalidArgument(let message)? = error else {
                    Issue.record("expected invalidArgument, got \(String(describing: error))")
                    continue
                }
                #expect(message == "a job id is required (it is empty)")
            }
            #expect(log.all.isEmpty, "no login, no request: \(log.all)")
        }
    }

    @Test func showInEachMode() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let id = try #require(try await session.listJobs(count: 1).first?.id)
            let all = try await session.job(id: id)
            #expect(all.jobStatus?.id == id)
            #expect(all.jobConfig?.id == id)
            let status = try await session.job(id: id, mode: .status)
            #expect(status.jobStatus != nil && status.jobConfig == nil)
            let configuration = try await session.job(id: id, mode: .configuration)
            #expect(configuration.jobStatus == nil && configuration.jobConfig != nil)
        }
    }

    @Test func unknownJobIsNotFoundWithTheServerMessage() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            do {
                _ = try await session.job(id: "999999")
                Issue.record("expected an error")
            } catch let error as ICWSError {
                switch error {
                case .notFound(let info), .badRequest(let info):
                    #expect(info.message.contains("999999"))
                default:
                    Issue.record("expected notFound or badRequest, got \(error)")
                }
            }
        }
    }

    @Test func submitThenCancel() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let id = try await session.submitJob(sampleJobConfig(name: "client test"))
            let stored = await fixture.simulator.jobConfig(id: id)
            #expect(stored?.name == "client test")
            #expect(stored?.tableConfigs.first?.column.count == 2)
            try await session.cancelJob(id: id)
            #expect(await fixture.simulator.jobStatus(id: id)?.state == .canceled)
            // A second cancel is refused with the server's message.
            do {
                try await session.cancelJob(id: id)
                Issue.record("expected a 400")
            } catch ICWSError.badRequest(let info) {
                #expect(info.status == 400)
                #expect(info.message.contains("cannot be canceled"))
            }
        }
    }

    @Test func invalidSubmitCarriesTheServerMessage() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            do {
                _ = try await session.submitJob(JobConfig(name: "empty", submittedUserId: "admin"))
                Issue.record("expected a 400")
            } catch let error as ICWSError {
                guard case .badRequest(let info) = error else {
                    Issue.record("expected badRequest, got \(error)")
                    return
                }
                #expect(info.errorId == ICWSErrorID.invalidProperty)
                #expect(error.description == "A job needs at least one table or view.")
            }
        }
    }

    @Test func cancellingAnotherUsersJobIsPermissionDenied() async throws {
        let fixture = try await SimulatorFixture.start()
        let id = await fixture.simulator.addJob(sampleJobConfig(), submittedBy: "admin")
        try await fixture.withSession(fixture.configuration(user: "jdoe", password: "jdoe-secret")) { session in
            do {
                try await session.cancelJob(id: id)
                Issue.record("expected a 403")
            } catch let error as ICWSError {
                guard case .permissionDenied(let info) = error else {
                    Issue.record("expected permissionDenied, got \(error)")
                    return
                }
                #expect(info.status == 403)
                #expect(error.description.contains("right to cancel"))
            }
            #expect(await fixture.simulator.jobStatus(id: id)?.state != .canceled)
        }
    }

    @Test func serverErrorIsReported() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            try await session.connect()
            await fixture.simulator.setFaults(SimulatorFaults(failNextRequests: 1))
            do {
                _ = try await session.listJobs()
                Issue.record("expected a 500")
            } catch ICWSError.serverError(let info) {
                #expect(info.status == 500)
                #expect(info.message.contains("internal error"))
            }
            #expect(try await session.listJobs(count: 3).count == 3)
        }
    }

    @Test func slowCallIsATimeoutNamingTheRequest() async throws {
        let fixture = try await SimulatorFixture.start()
        // The timeout is the only bound under test, and the login shares it: a login that a loaded
        // 2-core machine starved past it is tried again (the call delayed by a minute cannot beat it).
        try await fixture.withSession(fixture.configuration(timeout: .seconds(5))) { session in
            for attempt in 1...3 {
                do {
                    try await session.connect()
                    break
                } catch ICWSError.timeout where attempt < 3 {
                    continue
                }
            }
            await fixture.simulator.setFaults(SimulatorFaults(latency: .seconds(60)))
            do {
                _ = try await session.listJobs()
                Issue.record("expected a timeout")
            } catch ICWSError.timeout(let message) {
                #expect(message.contains("data-extractor/jobs"))
                #expect(message.contains("5 s"))
            }
            await fixture.simulator.setFaults(SimulatorFaults())
        }
    }

    @Test func hostileServerDataDecodes() async throws {
        let fixture = try await SimulatorFixture.start { $0.hostileData = true }
        try await fixture.withSession { session in
            let jobs = try await session.listJobs(count: 60, mode: .all)
            #expect(jobs.count == 60)
            #expect(jobs.allSatisfy { $0.jobStatus != nil && $0.jobConfig != nil })
        }
    }
}
