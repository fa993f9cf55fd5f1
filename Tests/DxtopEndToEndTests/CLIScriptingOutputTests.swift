import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// Output for scripts: nothing clipped when piped, `-o table|wide|json|jsonl|csv`, `--no-headers`.
@Suite("dxtop output formats")
struct CLIScriptingOutputTests {
    static let longName = String(repeating: "a long job name ", count: 5) + "end"

    @Test("piped, the table clips neither names nor ids")
    func notClipped() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 3, speed: 0)) { sim in
            let id = await sim.addJob(submittedBy: "admin", name: Self.longName)
            let result = try await DxtopBinary.run(["jobs", "list", "--count", "2"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let row = try #require(result.stdout.split(separator: "\n").dropFirst().first.map(String.init))
            #expect(row.hasPrefix(id + " "))
            #expect(row.contains(Self.longName), "\(result)")
            #expect(!result.stdout.contains("…"))
        }
    }

    @Test("-o csv has the JSON keys as header, quotes commas and quotes, and --no-headers drops the header")
    func csv() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 3, speed: 0)) { sim in
            let id = await sim.addJob(submittedBy: "admin", name: #"one, "two""#)
            let result = try await DxtopBinary.run(["jobs", "list", "-o", "csv", "--count", "2"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            try #require(lines.count == 3)
            #expect(lines[0] == "id,name,state,submittedUserId,submittedUserSiteId,submitTime,queuedTime,startedTime,finishedTime,failedTime,canceledTime,stateChangedTime,cancelUserId,outputFolder,errorInfo,durationSeconds")
            #expect(lines[1].hasPrefix(id + #","one, ""two""",submitted,admin,"#), "\(result)")
            let bare = try await DxtopBinary.run(["jobs", "list", "-o", "csv", "--count", "2", "--no-headers"], env: sim.environment())
            // The same rows (but for the duration, which grows between the runs).
            func withoutDuration(_ rows: [String]) -> [String] { rows.map { String($0[..<$0.lastIndex(of: ",")!]) } }
            #expect(withoutDuration(bare.stdout.split(separator: "\n").map(String.init)) == withoutDuration(Array(lines.dropFirst())))
        }
    }

    @Test("-o jsonl prints one job object per line; --json is -o json")
    func jsonLines() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 6, speed: 0)) { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "-o", "jsonl", "--count", "4"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.count == 4)
            let ids = try lines.map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["id"] as? String
            }
            #expect(ids == (await sim.simulator.allJobStatuses()).prefix(4).map(\.id))
            let json = try await DxtopBinary.run(["jobs", "list", "--json", "--count", "4"], env: sim.environment())
            let dashO = try await DxtopBinary.run(["jobs", "list", "-o", "json", "--count", "4"], env: sim.environment())
            #expect(json.status == 0 && json.stdout.replacing(/"durationSeconds" : \d+/, with: "") == dashO.stdout.replacing(/"durationSeconds" : \d+/, with: ""))
        }
    }

    @Test("-o wide adds the step times, output folder and error; --no-headers starts with a job")
    func wide() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 6, speed: 0)) { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "-o", "wide", "--count", "3"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let header = try #require(result.stdout.split(separator: "\n").first)
            for column in ["QUEUED", "STARTED", "ENDED", "OUTPUT FOLDER", "ERROR"] { #expect(header.contains(column)) }
            let bare = try await DxtopBinary.run(["jobs", "list", "--no-headers", "--count", "3"], env: sim.environment())
            let first = (await sim.simulator.allJobStatuses())[0].id
            #expect(bare.stdout.hasPrefix(first + " "), "\(bare)")
            #expect(bare.stdout.split(separator: "\n").count == 3)
        }
    }

    @Test("jobs show: -o jsonl is one line, -o csv the status row")
    func show() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 3, speed: 0)) { sim in
            let id = await sim.addJob(submittedBy: "admin", name: Self.longName)
            let line = try await DxtopBinary.run(["jobs", "show", id, "-o", "jsonl"], env: sim.environment())
            #expect(line.status == 0, "\(line)")
            #expect(line.stdout.split(separator: "\n").count == 1)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.stdout.utf8)) as? [String: Any])
            #expect(object["id"] as? String == id && object["config"] != nil)
            let csv = try await DxtopBinary.run(["jobs", "show", id, "-o", "csv"], env: sim.environment())
            let rows = csv.stdout.split(separator: "\n")
            #expect(rows.count == 2 && rows[0].hasPrefix("id,name,state,") && rows[1].hasPrefix("\(id),\(Self.longName),submitted,"), "\(csv)")
        }
    }

    @Test("--json together with another -o is a usage error; an unknown format too", arguments: [
        ["jobs", "list", "--json", "-o", "csv"], ["jobs", "list", "-o", "yaml"], ["jobs", "show", "x", "--json", "-o", "wide"],
    ])
    func conflicts(arguments: [String]) async throws {
        let result = try await DxtopBinary.run(arguments, env: ["ICWS_SERVER": "http://127.0.0.1:9", "ICWS_USER": "u", "ICWS_PASSWORD": "p"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
    }
}
