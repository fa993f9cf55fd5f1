import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("POST and DELETE data-extractor jobs")
struct JobChangeTests {
    static let table = DataSetConfig(name: "InteractionSummary", dateTimeFilterColumn: "StartDateTimeUTC",
                                     siteIdFilterColumn: "SiteID", column: [ColumnRef(name: "InteractionIDKey")])

    static func config(_ name: String = "nightly", tables: [DataSetConfig] = [table], views: [DataSetConfig] = [],
                       start: Date? = nil, end: Date? = nil) -> JobConfig {
        JobConfig(name: name, submittedUserId: "someone-else", tables: tables, views: views,
                  startTimeFilter: start, endTimeFilter: end, siteIdFilters: ["1"])
    }

    @Test func submitAnswers201AndForcesTheSubmitter() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session("jdoe", "jdoe-secret")
            let response = try await session.send(.POST, ICWSPath.jobs(session.id), body: try ICWSJSON.encode(Self.config()))
            #expect(response.status == 201)
            let id = try response.decode(JobCreated.self).id
            #expect(UUID(uuidString: id) != nil, "a GUID, as a real server issues")
            #expect(!(await simulator.jobIds().dropFirst().contains(id)))
            let job = try await session.send(.GET, ICWSPath.job(session.id, id)).decode(Job.self)
            #expect(job.jobStatus?.state == .submitted)
            #expect(job.jobStatus?.submittedUserId == "jdoe")
            #expect(job.jobConfig?.submittedUserId == "jdoe")
            #expect(job.jobConfig?.siteIds == ["1"])
            #expect(try await session.jobList("?jobCount=1").first?.id == id)
        }
    }

    @Test func submitAcceptsExtendedDatesAndPlainJSON() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let body = Data(#"""
            {"name":"x","submittedUserId":"admin","views":{"viewList":[{"name":"CallDetail_viw","dateTimeFilterColumn":"InitiatedDateTimeGMT","column":[{"name":"CallId"}]}]},
             "startTimeFilter":"2026-11-01T00:00:00.000Z","endTimeFilter":"20261102T000000Z"}
            """#.utf8)
            let response = try await session.client.send(
                .POST, ICWSPath.jobs(session.id),
                headers: [(ICWSProtocol.csrfTokenHeader, session.csrf), ("Cookie", session.cookie)],
                body: body, contentType: "application/json")
            #expect(response.status == 201)
        }
    }

    static let invalid: [(String, JobConfig)] = [
        ("name", config("  ")),
        ("tables", config(tables: [])),
        ("column", config(tables: [DataSetConfig(name: "InteractionSummary", column: [])])),
        ("endTimeFilter", config(start: Date(timeIntervalSince1970: 2_000_000), end: Date(timeIntervalSince1970: 1_000_000))),
        ("name", config(String(repeating: "n", count: 101))),
        ("tables", config(tables: [DataSetConfig(name: "InteractionSumary", column: [ColumnRef(name: "SiteID")])])),
        ("tables", config(tables: [DataSetConfig(name: "CallDetail_viw", column: [ColumnRef(name: "CallId")])])),
        ("column", config(tables: [DataSetConfig(name: "InteractionSummary", column: [ColumnRef(name: "NoSuchColumn")])])),
        ("dateTimeFilterColumn", config(tables: [DataSetConfig(name: "InteractionSummary", dateTimeFilterColumn: "CallId",
                                                               column: [ColumnRef(name: "SiteID")])])),
        ("siteIdFilters", config(tables: [DataSetConfig(name: "ICApplications", column: [ColumnRef(name: "ApplicationId")])])),
        ("startTimeFilter", config(tables: [DataSetConfig(name: "UserWorkgroups", column: [ColumnRef(name: "UserId")])],
                                   start: Date(timeIntervalSince1970: 1_000_000), end: Date(timeIntervalSince1970: 2_000_000))),
    ]

    @Test("dataset and column names are compared case-insensitively")
    func namesInAnyCase() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let config = Self.config(tables: [DataSetConfig(name: "interactionsummary", dateTimeFilterColumn: "startdatetimeutc",
                                                            siteIdFilterColumn: "siteid", column: [ColumnRef(name: "SITEID")])],
                                     start: Date(timeIntervalSince1970: 1_000_000), end: Date(timeIntervalSince1970: 2_000_000))
            let response = try await session.send(.POST, ICWSPath.jobs(session.id), body: try ICWSJSON.encode(config))
            #expect(response.status == 201, "\(response.text)")
        }
    }

    @Test("an unknown column's 400 names it, its dataset and the closest column")
    func unknownColumnMessage() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let config = Self.config(tables: [DataSetConfig(name: "InteractionSummary", column: [ColumnRef(name: "StartDateTime")])])
            let response = try await session.send(.POST, ICWSPath.jobs(session.id), body: try ICWSJSON.encode(config))
            #expect(response.status == 400)
            #expect(response.error?.message == #"Unknown column "StartDateTime" in InteractionSummary. Closest: StartDateTimeUTC."#)
        }
    }

    @Test(arguments: invalid)
    func invalidSubmitIs400(_ property: String, _ config: JobConfig) async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let response = try await session.send(.POST, ICWSPath.jobs(session.id), body: try ICWSJSON.encode(config))
            #expect(response.status == 400)
            #expect(response.error?.errorId == ICWSErrorID.invalidProperty)
            #expect(response.error?.propertyName == property)
            #expect(await simulator.allJobStatuses().count == 60)
        }
    }

    @Test func malformedSubmitBodyIs400() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let response = try await session.send(.POST, ICWSPath.jobs(session.id), body: Data("{not json".utf8))
            #expect(response.status == 400)
            #expect(response.error?.message.isEmpty == false)
        }
    }

    @Test func cancelActiveJobIs204AndRecordsWhoAndWhen() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(Self.config(), submittedBy: "jdoe")
            await simulator.advance(jobId: id)
            let session = try await WireClient(baseURL: simulator.baseURL).session("jdoe", "jdoe-secret")
            let response = try await session.send(.DELETE, ICWSPath.job(session.id, id))
            #expect(response.status == 204)
            let status = try #require(await simulator.jobStatus(id: id))
            #expect(status.state == .canceled)
            #expect(status.cancelUserId == "jdoe")
            #expect(status.canceledTime != nil)
            #expect(status.stateChangedTime == status.canceledTime)
            #expect(status.queuedTime != nil)
        }
    }

    @Test func cancelEndedJobIs400WithAClearMessage() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(Self.config(), submittedBy: "admin")
            for _ in 0..<3 { await simulator.advance(jobId: id) }
            let ended = try #require(await simulator.jobStatus(id: id))
            #expect(ended.knownState.hasEnded)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let response = try await session.send(.DELETE, ICWSPath.job(session.id, id))
            #expect(response.status == 400)
            let verb = ended.state == .failed ? "failed" : "finished"
            #expect(response.error?.message == "Job \(id) has already \(verb) and cannot be canceled.")
            let missing = try await session.send(.DELETE, ICWSPath.job(session.id, "424242"))
            #expect(missing.status == 404)
        }
    }

    @Test func ordinaryUserCannotCancelOthersJobsButAdminCan() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(Self.config(), submittedBy: "mgarcia")
            let jdoe = try await WireClient(baseURL: simulator.baseURL).session("jdoe", "jdoe-secret")
            let refused = try await jdoe.send(.DELETE, ICWSPath.job(jdoe.id, id))
            #expect(refused.status == 403)
            #expect(refused.error?.errorId == "error.request.accessDenied")
            #expect(refused.error?.message == "You do not have the right to cancel jobs submitted by other users.")
            #expect(await simulator.jobStatus(id: id)?.state == .submitted)
            let admin = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(try await admin.send(.DELETE, ICWSPath.job(admin.id, id)).status == 204)
            #expect(await simulator.jobStatus(id: id)?.cancelUserId == "admin")
        }
    }

    @Test func hookCancelFollowsTheSameRules() async throws {
        try await withSimulator { simulator in
            let id = await simulator.addJob(Self.config(), submittedBy: "kwong")
            await #expect(throws: JobCancelRefusal.forbidden) { try await simulator.cancel(jobId: id, as: "jdoe") }
            try await simulator.cancel(jobId: id, as: "kwong")
            await #expect(throws: JobCancelRefusal.alreadyEnded(id, .canceled)) { try await simulator.cancel(jobId: id, as: "admin") }
            await #expect(throws: JobCancelRefusal.notFound("1")) { try await simulator.cancel(jobId: "1", as: "admin") }
        }
    }
}
