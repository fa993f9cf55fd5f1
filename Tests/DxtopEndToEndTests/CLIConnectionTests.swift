import Foundation
import ICWSSimulator
import Testing

/// Connection options common to every command: server, user, password sources, TLS flags.
@Suite("dxtop connection options")
struct CLIConnectionTests {
    @Test("a wrong password: exit 3, and the password appears nowhere")
    func wrongPassword() async throws {
        try await SimulatorFixture.with { sim in
            let secret = "Wr0ng-Pa55word-\(UUID().uuidString.prefix(6))"
            let result = try await DxtopBinary.run(["jobs", "list"], env: sim.environment(password: secret))
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.hasPrefix("dxtop: "))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
        }
    }

    @Test("the password is never written to the log file")
    func passwordNotLogged() async throws {
        try await SimulatorFixture.with { sim in
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-\(UUID().uuidString).log").path
            defer { try? FileManager.default.removeItem(atPath: log) }
            let password = sim.user("admin").password
            let result = try await DxtopBinary.run(["jobs", "list", "--log-file", log], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            let text = try String(contentsOfFile: log, encoding: .utf8)
            #expect(!text.contains(password))
            #expect(!result.stdout.contains(password) && !result.stderr.contains(password))
        }
    }

    @Test("--password-stdin reads the first line of standard input")
    func passwordStdin() async throws {
        try await SimulatorFixture.with { sim in
            var env = sim.environment()
            let password = env.removeValue(forKey: "ICWS_PASSWORD")!
            let result = try await DxtopBinary.run(["jobs", "list", "--count", "2", "--password-stdin"], env: env,
                                                   stdin: password + "\n")
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n").count == 3)
        }
    }

    @Test("--server and --user on the command line override the environment")
    func optionsOverEnvironment() async throws {
        try await SimulatorFixture.with { sim in
            let env = ["ICWS_SERVER": "http://127.0.0.1:9", "ICWS_USER": "nobody", "ICWS_PASSWORD": sim.user("jdoe").password]
            let result = try await DxtopBinary.run(["--server", sim.url, "jobs", "list", "--user", "jdoe", "--count", "1"], env: env)
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test("no server given: exit 2 with a hint")
    func missingServer() async throws {
        let result = try await DxtopBinary.run(["jobs", "list"], env: ["ICWS_USER": "admin", "ICWS_PASSWORD": "x"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("ICWS_SERVER"))
    }

    @Test("no password and no terminal: exit 2, nothing asked")
    func missingPassword() async throws {
        try await SimulatorFixture.with { sim in
            var env = sim.environment()
            env["ICWS_PASSWORD"] = nil
            let result = try await DxtopBinary.run(["jobs", "list"], env: env)
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains("ICWS_PASSWORD"))
        }
    }

    @Test("--password is refused with a reason, and its value is not echoed", arguments: [["--password", "hunter22"], ["--password=hunter22"]])
    func passwordOptionRefused(arguments: [String]) async throws {
        let result = try await DxtopBinary.run(["jobs", "list"] + arguments, env: [:])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("ICWS_PASSWORD") && result.stderr.contains("--password-stdin"))
        #expect(!result.stderr.contains("hunter22") && !result.stdout.contains("hunter22"))
    }

    @Test("--insecure prints a warning on stderr")
    func insecureWarning() async throws {
        try await SimulatorFixture.with { sim in
            let result = try await DxtopBinary.run(["jobs", "list", "--count", "1", "--insecure"], env: sim.environment())
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("warning") && result.stderr.contains("--insecure"))
        }
    }

    @Test("an unknown option: usage error, exit 2 (not 64)")
    func unknownOption() async throws {
        let result = try await DxtopBinary.run(["jobs", "list", "--bogus"], env: [:])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.hasPrefix("dxtop: "))
    }

    @Test("--help and --version exit 0 on stdout")
    func helpAndVersion() async throws {
        let help = try await DxtopBinary.run(["jobs", "list", "--help"], env: [:])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--count"))
        let version = try await DxtopBinary.run(["--version"], env: [:])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("dxtop "))
    }

    @Test("a server that is not listening: exit 1 with one line")
    func unreachable() async throws {
        let result = try await DxtopBinary.run(["jobs", "list", "--timeout", "5"],
                                               env: ["ICWS_SERVER": "http://127.0.0.1:9", "ICWS_USER": "a", "ICWS_PASSWORD": "b"])
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("dxtop: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
