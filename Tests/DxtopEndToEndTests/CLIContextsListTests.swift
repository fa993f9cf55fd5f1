import Foundation
import ICWSSimulator
import Testing

/// `jobs list --all-contexts` and repeated `--context`: one merged list with a context column.
@Suite("dxtop jobs list over several contexts")
struct CLIContextsListTests {
    static func config(_ servers: [(String, String)]) throws -> ConfigFixture {
        let contexts = servers.map { name, url in
            "  \(name):\n    server: \(url)\n    user: admin\n    password-command: echo admin-secret\n"
        }.joined()
        return try ConfigFixture("current-context: \(servers[0].0)\ncontexts:\n" + contexts)
    }

    @Test("--all-contexts merges both servers' jobs newest first with a CONTEXT column and a context JSON field")
    func merged() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 3, speed: 0)) { east in
            try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0, seed: 9)) { west in
                let config = try Self.config([("east", east.url), ("west", west.url)])
                let table = try await DxtopBinary.run(["jobs", "list", "--all-contexts"], env: config.environment)
                #expect(table.status == 0, "\(table)")
                let lines = table.stdout.split(separator: "\n")
                #expect(lines.first?.hasPrefix("CONTEXT  ID") == true, "\(table)")
                #expect(lines.count == 6)
                #expect(lines.filter { $0.hasPrefix("east ") }.count == 3 && lines.filter { $0.hasPrefix("west ") }.count == 2)

                let json = try await DxtopBinary.run(["jobs", "list", "--context", "west", "--context", "east", "--json"], env: config.environment)
                let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
                #expect(array.count == 5)
                #expect(Set(array.compactMap { $0["context"] as? String }) == ["east", "west"])
                let times = array.compactMap { $0["submitTime"] as? String }
                #expect(times == times.sorted(by: >), "newest first across servers")
            }
        }
    }

    @Test("one server down: a one-line warning naming its context, the others listed, status 1")
    func oneDown() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(jobCount: 2, speed: 0)) { up in
            let config = try Self.config([("up", up.url), ("down", "http://127.0.0.1:9")])
            let result = try await DxtopBinary.run(["jobs", "list", "--all-contexts", "-o", "csv"], env: config.environment)
            #expect(result.status == 1, "\(result)")
            #expect(result.stdout.split(separator: "\n").count == 3, "\(result)")
            #expect(result.stdout.hasPrefix("context,id,"))
            let warnings = result.stderr.split(separator: "\n")
            #expect(warnings.count == 1 && warnings[0].hasPrefix("dxtop: context 'down': "), "\(result)")
        }
    }

    @Test("--server with several contexts is a usage error")
    func serverWithSeveral() async throws {
        let config = try Self.config([("a", "http://127.0.0.1:9"), ("b", "http://127.0.0.1:9")])
        let result = try await DxtopBinary.run(["jobs", "list", "--all-contexts", "--server", "x"], env: config.environment)
        #expect(result.status == 2, "\(result)")
    }
}
