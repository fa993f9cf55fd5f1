import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// `dxtop jobs list`: table, JSON, paging.
@Suite("dxtop jobs list")
struct CLIListTests {
    @Test("the table has a header and one aligned row per job of the newest page")
    func table() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 45, speed: 0)) { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "--utc"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("ID") == true)
            #expect(lines.first?.contains("STATE") == true && lines.first?.contains("SUBMITTED BY") == true)
            // A require, not an expect: the lines are indexed below (a timed-out run printed none).
            try #require(lines.count == 31, "header + the default page of 30")
            let newest = await sim.simulator.allJobStatuses()
            #expect(lines[1].hasPrefix(newest[0].id + " "))
            // The STATE column starts at the same offset on every line.
            let stateColumn = try #require(lines[0].range(of: "STATE")).lowerBound.utf16Offset(in: lines[0])
            let stateOfFirst = newest[0].knownState.word
            #expect(lines[1].dropFirst(stateColumn).hasPrefix(stateOfFirst))
            #expect(result.stdout.contains(" UTC"))
        }
    }

    @Test("--json prints every key, states as words and extended UTC times")
    func json() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 12, speed: 0)) { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "--json", "--count", "5"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(array.count == 5)
            let expected = await sim.simulator.allJobStatuses().prefix(5)
            #expect(array.map { $0["id"] as? String } == expected.map(\.id))
            let first = try #require(array.first)
            #expect(Set(first.keys) == [
                "id", "name", "state", "submittedUserId", "submittedUserSiteId", "submitTime", "queuedTime", "startedTime",
                "finishedTime", "failedTime", "canceledTime", "stateChangedTime", "cancelUserId", "outputFolder",
                "errorInfo", "durationSeconds",
            ])
            #expect(first["state"] as? String == expected.first?.knownState.word)
            let submitTime = try #require(first["submitTime"] as? String)
            #expect(submitTime.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            #expect(ICWSDate.parse(submitTime).map(ICWSDate.basic) == expected.first?.submitTime.map(ICWSDate.basic))
        }
    }

    @Test("--from lists the jobs older than the given one")
    func from() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 20, speed: 0)) { sim in
            let all = await sim.simulator.allJobStatuses()
            let pivot = all[4].id
            let result = try await DxtopBinary.run(["jobs", "list", "--json", "--count", "3", "--from", pivot],
                                                   env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let ids = try Self.ids(result.stdout)
            #expect(ids == all[5..<8].map(\.id))
        }
    }

    @Test("--all walks every older page to the end")
    func all() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 23, speed: 0)) { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "--json", "--count", "5", "--all"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let ids = try Self.ids(result.stdout)
            #expect(ids == (await sim.simulator.allJobStatuses()).map(\.id))
            #expect(ids.count == 23)
        }
    }

    @Test("--count must be positive: usage error, exit 2")
    func badCount() async throws {
        let result = try await DxtopBinary.run(["jobs", "list", "--count", "0"],
                                               env: ["ICWS_SERVER": "http://127.0.0.1:9", "ICWS_USER": "u", "ICWS_PASSWORD": "p"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("dxtop: "))
        #expect(result.stdout.isEmpty)
    }

    static func ids(_ json: String) throws -> [String] {
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        return array.compactMap { $0["id"] as? String }
    }
}
