import Foundation
import ICWSSimulator
import Testing

/// The config file: parsing, `config contexts|use|view`, `--context`, precedence.
@Suite("dxtop config")
struct CLIConfigTests {
    static let sample = """
        # operators' servers
        current-context: lab   # where we try things
        contexts:
          prod:
            server: https://cic01.example.com:8019
            user: jdoe
            password-command: pass show cic/prod
            ca-file: ~/certs/cic-ca.pem
            read-only: true
          lab:
            server: http://127.0.0.1:8018
            user: admin
            proxy: http://proxy.example.com:3128
            timeout: 5
            utc: true
        """

    @Test("config contexts lists every context in file order and marks the current one")
    func contexts() async throws {
        let config = try ConfigFixture(Self.sample)
        let result = try await DxtopBinary.run(["config", "contexts"], env: config.environment)
        #expect(result.status == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[1].hasPrefix(" ") && lines[1].contains("prod") && lines[1].contains("https://cic01.example.com:8019"))
        #expect(lines[2].hasPrefix("*") && lines[2].contains("lab"))
        #expect(result.stderr.isEmpty, "\(result)")
    }

    @Test("config view prints the settings and never a secret; a plain password is redacted and warned about")
    func viewRedacts() async throws {
        let config = try ConfigFixture("""
            current-context: prod
            contexts:
              prod:
                server: cic01
                user: jdoe
                password: hunter2-plain
                proxy: http://ops:proxy-secret@proxy.example.com:3128
            """)
        let result = try await DxtopBinary.run(["config", "view"], env: config.environment)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stdout.contains("hunter2-plain") && !result.stderr.contains("hunter2-plain"), "\(result)")
        #expect(!result.stdout.contains("proxy-secret") && !result.stderr.contains("proxy-secret"), "\(result)")
        #expect(result.stdout.contains("password: <redacted>"), "\(result)")
        #expect(result.stdout.contains("server: cic01"))
        #expect(result.stderr.contains("config.yaml:6: context 'prod': a plain 'password' is never used"), "\(result)")
    }

    @Test("an unknown key is a warning naming it, its context and its line; the rest is used")
    func unknownKey() async throws {
        let config = try ConfigFixture("""
            current-context: a
            contexts:
              a:
                server: http://127.0.0.1:8018
                colour: blue
                user: admin
            colours: [red]
            """)
        let result = try await DxtopBinary.run(["config", "contexts"], env: config.environment)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("dxtop: warning: config.yaml:5: context 'a': unknown key 'colour' (ignored; did you mean 'color'?)"), "\(result)")
        #expect(result.stderr.contains("dxtop: warning: config.yaml:7: unknown key 'colours' (ignored; did you mean 'colors'?)"), "\(result)")
        #expect(result.stdout.contains("admin"))
    }

    @Test("malformed YAML is one error line with its line number, status 1", arguments: [
        ("contexts:\n  a:\n    server: [unclosed\n", "line 4"),
        ("contexts:\n  a:\n    read-only: maybe\n", "config.yaml:3: context 'a': read-only must be true or false"),
        ("contexts:\n  a: {server: x}\n  a: {server: y}\n", "duplicated keys a"),
    ])
    func malformed(yaml: String, expected: String) async throws {
        let config = try ConfigFixture(yaml)
        let result = try await DxtopBinary.run(["jobs", "list"], env: config.environment)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.hasPrefix("dxtop: config.yaml: ") || result.stderr.hasPrefix("dxtop: config.yaml:"), "\(result)")
        #expect(result.stderr.contains(expected), "\(result)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result)")
    }

    @Test("--config names the file; a missing one is a usage error")
    func configOption() async throws {
        let config = try ConfigFixture(Self.sample)
        let given = try await DxtopBinary.run(["config", "contexts", "--config", config.path])
        #expect(given.status == 0 && given.stdout.contains("prod"), "\(given)")
        let missing = try await DxtopBinary.run(["config", "contexts", "--config", config.folder + "/nope.yaml"])
        #expect(missing.status == 2 && missing.stderr.contains("does not exist"), "\(missing)")
    }

    @Test("config use rewrites current-context only, keeping comments, order and the file mode")
    func use() async throws {
        let config = try ConfigFixture(Self.sample, mode: 0o640)
        let result = try await DxtopBinary.run(["config", "use", "prod"], env: config.environment)
        #expect(result.status == 0, "\(result)")
        let expected = Self.sample.replacingOccurrences(of: "current-context: lab   #", with: "current-context: prod   #")
        #expect(config.text == expected)
        let mode = try FileManager.default.attributesOfItem(atPath: config.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o640)
        let listed = try await DxtopBinary.run(["config", "contexts"], env: config.environment)
        #expect(listed.stdout.split(separator: "\n").first { $0.hasPrefix("*") }?.contains("prod") == true, "\(listed)")
    }

    @Test("an unknown context name exits 2 and lists the known ones", arguments: [
        ["config", "use", "staging"], ["jobs", "list", "--context", "staging"], ["--context", "staging", "jobs", "show", "x"],
    ])
    func unknownContext(arguments: [String]) async throws {
        let config = try ConfigFixture(Self.sample)
        let result = try await DxtopBinary.run(arguments, env: config.environment)
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("no context named 'staging'") && result.stderr.contains("prod, lab"), "\(result)")
    }

    @Test("the context supplies server, user and password-command; the environment wins over it, flags over both")
    func precedence() async throws {
        try await SimulatorFixture.with { sim in
            let config = try ConfigFixture("""
                current-context: sim
                contexts:
                  sim:
                    server: \(sim.url)
                    user: admin
                    password-command: echo admin-secret
                """)
            let fromContext = try await DxtopBinary.run(["jobs", "list", "--count", "1"], env: config.environment)
            #expect(fromContext.status == 0, "\(fromContext)")
            #expect(await sim.simulator.lastLogin()?.userID == "admin")

            var environment = config.environment
            environment["ICWS_USER"] = "jdoe"
            environment["ICWS_PASSWORD"] = "jdoe-secret"
            let fromEnvironment = try await DxtopBinary.run(["jobs", "list", "--count", "1", "--context", "sim"], env: environment)
            #expect(fromEnvironment.status == 0, "\(fromEnvironment)")
            #expect(await sim.simulator.lastLogin()?.userID == "jdoe")

            environment["ICWS_PASSWORD"] = "admin-secret"
            let fromFlag = try await DxtopBinary.run(["jobs", "list", "--count", "1", "--user", "admin"], env: environment)
            #expect(fromFlag.status == 0, "\(fromFlag)")
            #expect(await sim.simulator.lastLogin()?.userID == "admin")
        }
    }

    @Test("ICWS_SERVER without --context leaves the current context alone (its password-command, proxy, ...)")
    func serverOverrideSkipsContext() async throws {
        try await SimulatorFixture.with { sim in
            let marker = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-ran-\(UUID().uuidString)").path
            let config = try ConfigFixture("""
                current-context: other
                contexts:
                  other:
                    server: http://127.0.0.1:9
                    user: someone
                    password-command: \(ConfigFixture.quoted("touch \(marker); echo other-secret"))
                    proxy: http://127.0.0.1:9
                """)
            var environment = config.environment
            environment.merge(sim.environment()) { _, new in new }
            let result = try await DxtopBinary.run(["jobs", "list", "--count", "1"], env: environment)
            #expect(result.status == 0, "\(result)")
            #expect(!FileManager.default.fileExists(atPath: marker))
        }
    }
}
