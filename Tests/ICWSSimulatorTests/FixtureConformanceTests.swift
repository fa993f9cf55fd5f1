import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// The simulator's real answers have the JSON shapes of the golden fixtures written from the fact
/// sheet (`Tests/ICWSWireTests/Fixtures`), so the client tests against the simulator cover the
/// shapes a real server sends.
@Suite("Simulator answers match the golden fixtures")
struct FixtureConformanceTests {
    private func expectShape(_ response: WireResponse, status: Int, fixtures: [String], optional: Set<String>,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectShape(response, status: status, like: try fixtures.map(GoldenFixture.json), named: fixtures.joined(separator: "+"),
                        optional: optional, sourceLocation: sourceLocation)
    }

    private func expectShape(_ response: WireResponse, status: Int, like fixtures: [JSONValue], named name: String,
                             optional: Set<String>, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, "\(response.text.prefix(200))", sourceLocation: sourceLocation)
        #expect(ICWSProtocol.isJSON(contentType: response.header("Content-Type")), sourceLocation: sourceLocation)
        let difference = JSONShape(optionalKeys: optional).mismatch(try JSONValue.parse(response.body), fixtures)
        #expect(difference == nil, "\(name): \(difference ?? "")", sourceLocation: sourceLocation)
    }

    /// Error bodies also keep the observed `errorId` and `errorCode` values.
    private func expectError(_ response: WireResponse, status: Int, fixture: String,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        try expectShape(response, status: status, fixtures: [fixture], optional: ICWSOptionalKeys.error,
                        sourceLocation: sourceLocation)
        let expected = try ICWSJSON.decode(ICWSErrorBody.self, from: try GoldenFixture.data(fixture))
        #expect(response.error?.errorId == expected.errorId, sourceLocation: sourceLocation)
        #expect(response.error?.errorCode == expected.errorCode, sourceLocation: sourceLocation)
        #expect(response.error?.message.isEmpty == false, sourceLocation: sourceLocation)
    }

    @Test func loginAnswer() async throws {
        try await withSimulator { simulator in
            let response = try await WireClient(baseURL: simulator.baseURL).login("jdoe", "jdoe-secret",
                                                                                  include: "features,version,server-time")
            try expectShape(response, status: 201, fixtures: ["login-201.json"], optional: ICWSOptionalKeys.connection)
            let answer = try response.decode(ConnectionResponse.self)
            #expect(answer.features?.contains(FeatureInfo(featureId: "data-extractor", version: 2)) == true)
        }
    }

    @Test func featuresAndVersion() async throws {
        try await withSimulator { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            try expectShape(try await client.send(.GET, ICWSPath.features), status: 200, fixtures: ["features.json"], optional: [])
            try expectShape(try await client.send(.GET, ICWSPath.version), status: 200, fixtures: ["version.json"],
                            optional: ICWSOptionalKeys.connection)
        }
    }

    @Test(arguments: [("", "jobs-status.json"), ("status", "jobs-status.json"),
                      ("configuration", "jobs-configuration.json"), ("all", "jobs-all.json")])
    func jobListInEachMode(mode: String, fixture: String) async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let query = "?jobCount=60" + (mode.isEmpty ? "" : "&jobsResponseMode=\(mode)")
            let response = try await session.jobs(query)
            try expectShape(response, status: 200, fixtures: [fixture], optional: ICWSOptionalKeys.job)
            #expect(try response.decode(JobList.self).jobList.count == 60)
        }
    }

    @Test(arguments: ["", "?jobsResponseMode=all"])
    func oneJobInAllMode(query: String) async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            // Every job of the golden list in `all` mode describes a job too.
            let listed = try GoldenFixture.json("jobs-all.json").objectValue?["jobList"]?.arrayValue ?? []
            let jobs = [try GoldenFixture.json("job-all.json")] + listed
            for job in try await session.jobList("?jobCount=60") {
                let id = try #require(job.id)
                let response = try await session.send(.GET, ICWSPath.job(session.id, id) + query)
                try expectShape(response, status: 200, like: jobs, named: "job-all.json+jobs-all.json",
                                optional: ICWSOptionalKeys.job)
            }
        }
    }

    @Test func errorBodies() async throws {
        try await withSimulator { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            try expectError(try await client.login("jdoe", "wrong"), status: 400, fixture: "error-400-authentication-failure.json")

            let session = try await client.session("jdoe", "jdoe-secret")
            try expectError(try await client.send(.GET, ICWSPath.jobs("99999999"), headers: [("Cookie", session.cookie)]),
                            status: 401, fixture: "error-401-session-id.json")
            try expectError(try await session.send(.GET, ICWSPath.jobs(session.id), csrf: false),
                            status: 401, fixture: "error-401-csrf-token.json")
            try expectError(try await session.jobs("?jobsResponseMode=everything"),
                            status: 400, fixture: "error-400-invalid-property.json")

            let others = try await session.jobList("?jobCount=60").compactMap(\.jobStatus)
                .filter { $0.submittedUserId != "jdoe" && $0.knownState.isCancelable }
            let victim = try #require(others.first, "the seed has an active job of another user")
            try expectError(try await session.send(.DELETE, ICWSPath.job(session.id, victim.id)),
                            status: 403, fixture: "error-403.json")
        }
    }

    @Test func switchoverAnswer() async throws {
        try await withSimulator { simulator in
            await simulator.setFaults(SimulatorFaults(notAcceptingConnections: ["otherserver"]))
            let response = try await WireClient(baseURL: simulator.baseURL).login("admin", "admin-secret")
            try expectError(response, status: 503, fixture: "error-503-alternate-hosts.json")
            #expect(response.error?.alternateHostList == ["otherserver"])
        }
    }

    @Test func polledMessages() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let active = try await session.jobList("?jobCount=60").compactMap(\.jobStatus).filter { $0.knownState.isCancelable }
            #expect(active.count >= 2)
            #expect(try await session.subscribe(active.map(\.id)).status == 204)
            await simulator.advance(jobId: active[0].id)
            try await simulator.cancel(jobId: active[1].id, as: "admin")

            let response = try await session.send(.GET, ICWSPath.messages(session.id), csrf: false)
            try expectShape(response, status: 200, like: try MessageFixtures.json, named: "message fixtures",
                            optional: ICWSOptionalKeys.messages)
            let messages = try response.decode([ICWSMessage].self)
            #expect(messages.count == 3, "one full message, then a delta per change")
        }
    }

    @Test func eventStreamFrames() async throws {
        try await withSimulator(.with { $0.pingInterval = .milliseconds(50) }) { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let active = try await session.jobList("?jobCount=60").compactMap(\.jobStatus).filter { $0.knownState.isCancelable }
            #expect(try await session.subscribe(active.map(\.id)).status == 204)
            let stream = try await session.openEventStream()
            #expect(stream.headers.first(name: "Content-Type") == ICWSProtocol.eventStreamType)
            let firstJob = try #require(active.first)
            try await simulator.cancel(jobId: firstJob.id, as: "admin")

            let frames = try await withTimeout(10, "two data frames and a ping") {
                var reader = EventStreamReader(stream)
                var frames: [String] = []
                while let frame = try await reader.nextFrame() {
                    frames.append(frame)
                    let parsed = SSEFrames(frames.joined(separator: "\n\n") + "\n\n")
                    if parsed.dataPayloads.count >= 2, !parsed.comments.isEmpty { break }
                }
                return frames
            }
            let served = SSEFrames(frames.joined(separator: "\n\n") + "\n\n")
            let captured = SSEFrames(try GoldenFixture.text("sse-jobstatus.txt"))
            #expect(served.fieldNames.isSubset(of: captured.fieldNames), "fields \(served.fieldNames)")
            #expect(Set(served.comments).isSubset(of: Set(captured.comments)), "comments \(served.comments)")
            #expect(served.dataPayloads.count >= 2)

            let shape = JSONShape(optionalKeys: ICWSOptionalKeys.messages)
            let templates = try MessageFixtures.json
            for payload in served.dataPayloads {
                let difference = shape.mismatch(.array([try JSONValue.parse(Data(payload.utf8))]), templates)
                #expect(difference == nil, "SSE payload: \(difference ?? "")")
            }
        }
    }
}

/// Every golden message: polled arrays, single messages and the payloads of the SSE capture,
/// together describing each message type.
enum MessageFixtures {
    static var json: [JSONValue] {
        get throws {
            let files = ["messages-poll.json", "jobstatus-message-full.json", "jobstatus-message-delta.json",
                         "connection-state-change-message.json"]
            let singles = try files.map(GoldenFixture.json).map { $0.arrayValue.map(JSONValue.array) ?? .array([$0]) }
            let captured = try SSEFrames(try GoldenFixture.text("sse-jobstatus.txt")).dataPayloads
                .map { JSONValue.array([try JSONValue.parse(Data($0.utf8))]) }
            return singles + captured
        }
    }
}
