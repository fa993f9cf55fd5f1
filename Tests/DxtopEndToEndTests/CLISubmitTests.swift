import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `dxtop jobs submit`: a job configuration file in, the new id out.
@Suite("dxtop jobs submit")
struct CLISubmitTests {
    static let config = """
        {"name": "e2e nightly",
         "tables": {"tableList": [{"name": "InteractionSummary", "dateTimeFilterColumn": "StartDateTimeUTC",
                                   "siteIdFilterColumn": "SiteID",
                                   "column": [{"name": "InteractionIDKey"}, {"name": "SiteID"}]}]},
         "views": {"viewList": [{"name": "UserStatus_viw", "column": [{"name": "UserId"}]}]},
         "startTimeFilter": "2026-11-01T00:00:00Z", "endTimeFilter": "20261102T000000Z",
         "siteIdFilters": [{"name": "1"}]}
        """

    @Test("from a file: prints the id; the simulator has the job, submitted by the login user")
    func fromFile() async throws {
        try await SimulatorFixture.with { sim in
            let file = try TemporaryFile(contents: Self.config)
            let result = try await DxtopBinary.run(["jobs", "submit", file.path], env: sim.environment(user: "jdoe"))
            #expect(result.status == 0, "\(result)")
            let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!id.isEmpty && !id.contains("\n"))
            let stored = try #require(await sim.simulator.jobConfig(id: id))
            #expect(stored.name == "e2e nightly")
            #expect(stored.submittedUserId == "jdoe")
            #expect(stored.tableConfigs.first?.column.map(\.name) == ["InteractionIDKey", "SiteID"])
            #expect(stored.viewConfigs.map(\.name) == ["UserStatus_viw"])
            #expect(stored.startTimeFilter == ICWSDate.parse("20261101T000000Z"))
            #expect(stored.endTimeFilter == ICWSDate.parse("2026-11-02T00:00:00Z"))
            #expect(stored.siteIds == ["1"])
            #expect(await sim.simulator.jobStatus(id: id)?.submittedUserId == "jdoe")
        }
    }

    @Test("from standard input with -")
    func fromStdin() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["jobs", "submit", "-"], env: sim.environment(), stdin: Self.config)
            #expect(result.status == 0, "\(result)")
            let id = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(await sim.simulator.jobConfig(id: id)?.name == "e2e nightly")
        }
    }

    @Test("malformed JSON: exit 1, one clear line, nothing submitted")
    func malformed() async throws {
        try await SimulatorFixture.with { sim in
            let before = await sim.simulator.allJobStatuses().count
            let file = try TemporaryFile(contents: "{\"name\": \"broken\", \"tables\": ")
            let result = try await DxtopBinary.run(["jobs", "submit", file.path], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("dxtop: \(file.path): ") == true)
            #expect(result.stderr.contains("JSON"))
            #expect(result.stdout.isEmpty)
            #expect(await sim.simulator.allJobStatuses().count == before)
        }
    }

    @Test("a configuration the server refuses: exit 1 with the server's message on one line")
    func refusedByServer() async throws {
        try await SimulatorFixture.with { sim in
            let backwards = Self.config.replacingOccurrences(of: "20261102T000000Z", with: "20261031T000000Z")
            let file = try TemporaryFile(contents: backwards)
            let result = try await DxtopBinary.run(["jobs", "submit", file.path], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("endTimeFilter must be later than startTimeFilter"), "the simulator's message")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("a file without a name, a table or view, or columns: exit 1 naming the file, nothing sent",
          arguments: [
            (#"{}"#, "name"), (#"{"foo": 1}"#, "name"), (#"{"name": "  "}"#, "name"),
            (#"{"name": "x"}"#, "at least one table or view"),
            (#"{"name": "x", "tables": {"tableList": []}, "views": {"viewList": []}}"#, "at least one table or view"),
            (#"{"name": "x", "tables": {"tableList": [{"name": "T", "column": []}]}}"#, "\"T\" has no columns"),
            (#"{"name": "x", "views": {"viewList": [{"name": "V", "column": [{"name": "a"}]}, {"name": "W", "column": []}]}}"#,
             "\"W\" has no columns"),
          ])
    func incomplete(json: String, problem: String) async throws {
        try await SimulatorFixture.with { sim in
            let before = await sim.simulator.allJobStatuses().count
            let file = try TemporaryFile(contents: json)
            let result = try await DxtopBinary.run(["jobs", "submit", file.path], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1)
            #expect(lines.first?.hasPrefix("dxtop: \(file.path): ") == true, "\(result)")
            #expect(result.stderr.contains(problem), "\(result)")
            #expect(result.stdout.isEmpty)
            #expect(await sim.simulator.allJobStatuses().count == before)
        }
    }
}
