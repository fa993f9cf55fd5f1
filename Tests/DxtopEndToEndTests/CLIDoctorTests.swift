import Foundation
import ICWSSimulator
import Testing

/// `dxtop doctor`: every step on a good server, and the first failing step on a bad one.
@Suite("dxtop doctor")
struct CLIDoctorTests {
    /// The step names of the `ok`/`warn`/`FAIL` lines, with their marks.
    static func steps(_ result: DxtopResult) -> [String] {
        result.stdout.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ", maxSplits: 1)
            guard let mark = words.first, ["ok", "warn", "FAIL"].contains(mark), words.count == 2 else { return nil }
            let rest = words[1].drop { $0 == " " }
            let step = rest.prefix { $0 != " " }
            return "\(mark) \(step == "list" ? "list jobs" : String(step))"
        }.filter { !$0.hasSuffix(" clipboard") }  // the local step, which depends on the terminal the tests run in
    }

    @Test("a good server passes every step")
    func success() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["doctor"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(Self.steps(result) == ["ok server", "ok reach", "warn tls", "ok version", "ok login", "ok data-extractor",
                                           "ok messaging", "ok data-dictionary", "ok list jobs", "ok done"], "\(result)")
            #expect(result.stdout.contains("server-sent events"))
        }
    }

    @Test("a wrong password fails the login step with status 3 and a hint")
    func wrongPassword() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["doctor"], env: sim.environment(password: "wrong-password"))
            #expect(result.status == 3, "\(result)")
            #expect(Self.steps(result).last == "FAIL login", "\(result)")
            #expect(result.stdout.contains("next: check the user and the password"))
            #expect(!result.stdout.contains("wrong-password") && !result.stderr.contains("wrong-password"))
            #expect(result.stderr == "dxtop: doctor: the login step failed\n", "\(result)")
        }
    }

    @Test("no server listening fails the reach step")
    func noServer() async throws {
        let result = try await DxtopBinary.run(["doctor"], env: ["ICWS_SERVER": "http://127.0.0.1:9", "ICWS_USER": "u", "ICWS_PASSWORD": "p"])
        #expect(result.status == 1, "\(result)")
        #expect(Self.steps(result) == ["ok server", "FAIL reach"], "\(result)")
        #expect(result.stdout.contains("connection refused"))
    }

    @Test("HTTPS to a plain HTTP port fails the TLS step with a hint")
    func tls() async throws {
        try await SimulatorFixture.with { sim in
            var environment = sim.environment()
            environment["ICWS_SERVER"] = sim.url.replacingOccurrences(of: "http://", with: "https://")
            let result = try await DxtopBinary.run(["doctor"], env: environment)
            #expect(result.status == 1, "\(result)")
            #expect(Self.steps(result).last == "FAIL tls", "\(result)")
            #expect(result.stdout.contains("next: the port does not speak HTTPS"))
        }
    }

    @Test("a server without data-extractor 2 fails that step after the login")
    func featureMissing() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(speed: 0, dataExtractorVersion: 1)) { sim in
            let result = try await DxtopBinary.run(["doctor"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(Array(Self.steps(result).suffix(2)) == ["ok login", "FAIL data-extractor"], "\(result)")
        }
    }

    @Test("messaging below version 2 is reported as polling, not as a failure")
    func polling() async throws {
        try await SimulatorFixture.with(SimulatorConfiguration(speed: 0, messagingVersion: 1)) { sim in
            let result = try await DxtopBinary.run(["doctor"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("polling"), "\(result)")
        }
    }

    @Test("a failing password-command fails the login step")
    func passwordCommand() async throws {
        try await SimulatorFixture.with { sim in
            let config = try ConfigFixture("current-context: s\ncontexts:\n  s:\n    server: \(sim.url)\n    user: admin\n    password-command: exit 7\n")
            let result = try await DxtopBinary.run(["doctor"], env: config.environment)
            #expect(result.status == 1, "\(result)")
            #expect(Self.steps(result).last == "FAIL login", "\(result)")
            #expect(result.stdout.contains("exit status 7"))
        }
    }

    @Test("a server without the data dictionary is a warning: everything but composing works")
    func dictionaryMissing() async throws {
        var configuration = SimulatorConfiguration(speed: 0)
        configuration.dataDictionaryVersion = nil
        try await SimulatorFixture.with(configuration) { sim in
            let result = try await DxtopBinary.run(["doctor"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(Self.steps(result).contains("warn data-dictionary"), "\(result)")
            #expect(Self.steps(result).suffix(2) == ["ok list jobs", "ok done"], "\(result)")
        }
    }

    @Test("a server that cannot list the jobs fails the last step with the server's words")
    func listingRefused() async throws {
        try await SimulatorFixture.with { sim in
            // Login is not a session call: the first session call doctor makes is the job list.
            await sim.simulator.setFaults(SimulatorFaults(failNextRequests: 1))
            let result = try await DxtopBinary.run(["doctor"], env: sim.environment())
            #expect(result.status == 1, "\(result)")
            #expect(Self.steps(result).last == "FAIL list jobs", "\(result)")
            #expect(result.stdout.contains("internal error"), "\(result)")
        }
    }
}
