import Foundation
import ICWSSimulator
import Testing

/// A `jobs list` that fails must not leave a valid-looking list: nothing on stdout before the first
/// page was read, and what was written before a later failure stays well-formed and is counted.
@Suite("dxtop jobs list failing")
struct CLIListFailureTests {
    static let formats = ["table", "wide", "json", "jsonl", "csv"]

    @Test("a refused login leaves stdout empty in every format (exit 3)", arguments: formats)
    func refusedLogin(format: String) async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "-o", format], env: sim.environment(password: "wrong"))
            #expect(result.status == 3, "\(result)")
            #expect(result.stdout.isEmpty, "no '[ ]' or header for a list that was never read: \(result)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
        }
    }

    @Test("an unreachable server leaves stdout empty in every format (exit 1)", arguments: formats)
    func unreachable(format: String) async throws {
        let result = try await DxtopBinary.run(["jobs", "list", "-o", format, "--all"], env: CLIUsageTests.unreachable)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
    }

    /// Tryout finding: `series list`, `coverage` and `jobs list --overdue` printed a header or `[]`
    /// when no context could be read.
    @Test("every context failing leaves stdout empty too, in every listing command", arguments: [
        ["jobs", "list"], ["jobs", "list", "--overdue"], ["series", "list"], ["coverage"],
    ])
    func everyContextFails(command: [String]) async throws {
        let config = try ConfigFixture("""
            contexts:
              a: {server: "http://127.0.0.1:9", user: u, password-command: "echo p"}
              b: {server: "http://127.0.0.1:9", user: u, password-command: "echo p"}
            """)
        let result = try await DxtopBinary.run(command + ["--all-contexts", "-o", "json"], env: config.environment)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 2, "one line per context: \(result)")
    }

    @Test("a failure after two pages: whole CSV and JSON lines, the count on stderr", arguments: ["csv", "jsonl", "table"])
    func partWay(format: String) async throws {
        try await SimulatorFixture.with(CLIListStreamingTests.configuration) { sim in
            await sim.simulator.setFaults(SimulatorFaults(failJobListsAfter: 2))
            let result = try await DxtopBinary.run(["jobs", "list", "--all", "--count", "5", "-o", format], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.last == "", "ends with a whole line: \(result.stdout.debugDescription)")
            #expect(lines.count == (format == "jsonl" ? 10 : 11) + 1, "10 jobs (and a header): \(result)")
            let ids = await sim.simulator.allJobStatuses().prefix(10).map(\.id)
            for id in ids { #expect(result.stdout.contains(id)) }
            #expect(result.stderr.hasSuffix("(10 jobs written before the failure)\n"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
    }
}
