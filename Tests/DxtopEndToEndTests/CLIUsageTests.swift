import Foundation
import ICWSSimulator
import Testing

/// Command-line mistakes: exit 2 with exactly one line on stderr, nothing on stdout, and no request
/// to the server.
@Suite("dxtop usage errors")
struct CLIUsageTests {
    /// A server that is never reached: a usage error must be found before any connection.
    static let unreachable = ["ICWS_SERVER": "http://127.0.0.1:9", "ICWS_USER": "u", "ICWS_PASSWORD": "p"]

    /// Checks the one-line usage error shape and returns the line.
    @discardableResult
    static func expectUsageError(_ result: DxtopResult, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        #expect(result.status == 2, "\(result)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2 && lines.last == "", "exactly one line: \(result.stderr.debugDescription)",
                sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("dxtop: "), sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        return String(lines.first ?? "")
    }

    @Test("parser errors are one line that points at the command's --help",
          arguments: [["jobs", "list", "--bogus"], ["jobs", "show"], ["jobs", "list", "--count", "0"],
                      ["jobs", "cancel"], ["jobs", "cancel", "1", "--state", "x"], ["simulate", "--port", "70000"]])
    func oneLine(arguments: [String]) async throws {
        let result = try await DxtopBinary.run(arguments, env: Self.unreachable)
        let line = Self.expectUsageError(result)
        let command = (["dxtop"] + arguments.prefix { !$0.hasPrefix("-") && Int($0) == nil }).joined(separator: " ")
        #expect(line.hasSuffix("(see '\(command) --help')"), "\(line)")
    }

    @Test("--timeout outside 0.1…3600 seconds is a usage error",
          arguments: ["1e10", "1e300", "0.0001", "0", "-1", "nan", "inf", "3601"])
    func timeoutRange(value: String) async throws {
        let result = try await DxtopBinary.run(["jobs", "list", "--timeout", value], env: Self.unreachable)
        let line = Self.expectUsageError(result)
        #expect(line.contains("--timeout"))
    }

    @Test("--timeout at the limits passes validation (and then meets a closed port: exit 1)", arguments: ["0.1", "3600"])
    func timeoutLimits(value: String) async throws {
        let result = try await DxtopBinary.run(["jobs", "list", "--timeout", value], env: Self.unreachable)
        #expect(result.status == 1, "\(result)")
        #expect(!result.stderr.contains("--timeout"), "\(result)")
    }

    @Test("an empty, blank, '.' or '..' job id is a usage error in every job command",
          arguments: [["jobs", "show", ""], ["jobs", "show", "."], ["jobs", "cancel", "", "--yes"],
                      ["jobs", "cancel", "..", "--yes"], ["jobs", "watch", "1001", " "], ["jobs", "list", "--from", ".."],
                      ["jobs", "list", "--from", ""]])
    func emptyJobId(arguments: [String]) async throws {
        try await SimulatorFixture.with { sim in
            let before = await sim.simulator.allJobStatuses()
            let result = try await DxtopBinary.run(arguments, env: sim.environment())
            Self.expectUsageError(result)
            #expect(await sim.simulator.allJobStatuses() == before, "nothing canceled")
        }
    }

    @Test("dashboard flags with a subcommand are refused",
          arguments: [["--demo", "jobs", "list"], ["jobs", "list", "--read-only"], ["jobs", "show", "1", "--no-color"],
                      ["--no-color", "simulate", "--port", "0"], ["jobs", "list", "--mouse"]])
    func dashboardFlagsWithSubcommand(arguments: [String]) async throws {
        let result = try await DxtopBinary.run(arguments, env: Self.unreachable)
        let line = Self.expectUsageError(result)
        #expect(line.contains("dashboard"), "\(line)")
    }

    @Test("'dxtop jobs' without a command is a usage error")
    func jobsAlone() async throws {
        let result = try await DxtopBinary.run(["jobs"], env: Self.unreachable)
        let line = Self.expectUsageError(result)
        #expect(line.contains("list") && line.contains("dxtop jobs --help"))
    }

    @Test("--ca-file that cannot be read or holds no certificate: both usage errors")
    func caFile() async throws {
        let notPEM = try TemporaryFile(contents: "just text, no certificate\n", suffix: ".pem")
        let missing = notPEM.path + ".missing"
        for path in [missing, notPEM.path] {
            let result = try await DxtopBinary.run(["jobs", "list", "--ca-file", path], env: Self.unreachable)
            let line = Self.expectUsageError(result)
            #expect(line.contains("--ca-file") && line.contains(path), "\(line)")
        }
    }

    @Test("simulate --host accepts only loopback addresses",
          arguments: ["0.0.0.0", "192.168.1.10", "example.com", "::", "128.0.0.1"])
    func nonLoopbackHost(host: String) async throws {
        let result = try await DxtopBinary.run(["simulate", "--host", host, "--port", "0"], env: [:])
        let line = Self.expectUsageError(result)
        #expect(line.contains("loopback"), "\(line)")
    }
}
