import Foundation
import ICWSSimulator
import Testing

/// `password-command` and `read-only` of a context.
@Suite("dxtop password-command and read-only")
struct CLIPasswordCommandTests {
    static func config(server: String, passwordCommand: String, readOnly: Bool = false) throws -> ConfigFixture {
        try ConfigFixture("""
            current-context: sim
            contexts:
              sim:
                server: \(server)
                user: admin
                password-command: \(ConfigFixture.quoted(passwordCommand))
                read-only: \(readOnly)
            """)
    }

    @Test("the first line of the command's output is the password; it is in no output and no log")
    func success() async throws {
        try await SimulatorFixture.with { sim in
            let config = try Self.config(server: sim.url, passwordCommand: "printf 'admin-secret\\nnot-the-password\\n'")
            let log = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-\(UUID().uuidString).log").path
            defer { try? FileManager.default.removeItem(atPath: log) }
            let result = try await DxtopBinary.run(["jobs", "list", "--count", "2", "--log-file", log], env: config.environment)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.split(separator: "\n").count == 3)
            let logText = try String(contentsOfFile: log, encoding: .utf8)
            #expect(!logText.isEmpty)
            for text in [result.stdout, result.stderr, logText] {
                #expect(!text.contains("admin-secret") && !text.contains("not-the-password"))
            }
        }
    }

    @Test("a failing command is one line with its exit status and the first line of its stderr, never its stdout")
    func failure() async throws {
        let config = try Self.config(server: "http://127.0.0.1:9",
                                     passwordCommand: "echo leaked-secret; echo 'gpg: decryption failed: No secret key' >&2; echo more >&2; exit 2")
        let result = try await DxtopBinary.run(["jobs", "list"], env: config.environment)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "dxtop: context 'sim': password-command failed (exit status 2): gpg: decryption failed: No secret key\n", "\(result)")
        #expect(!result.stdout.contains("leaked-secret") && !result.stderr.contains("leaked-secret"))
    }

    @Test("hostile text on the command's stderr is sanitised")
    func hostileStderr() async throws {
        let config = try Self.config(server: "http://127.0.0.1:9", passwordCommand: "printf '\\033]0;owned\\007\\342\\200\\256bad\\n' >&2; exit 1")
        let result = try await DxtopBinary.run(["jobs", "list"], env: config.environment)
        #expect(result.status == 1, "\(result)")
        #expect(!result.stderrBytes.contains(0x1b) && !result.stderrBytes.contains(0x07), "\(result)")
        #expect(!result.stderr.contains("\u{202E}"))
    }

    @Test("a command that prints nothing is a failure saying so")
    func empty() async throws {
        let config = try Self.config(server: "http://127.0.0.1:9", passwordCommand: "true")
        let result = try await DxtopBinary.run(["jobs", "list"], env: config.environment)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("password-command printed no password"), "\(result)")
    }

    @Test("read-only refuses cancel and submit before asking for a password or reaching the server (status 4)", arguments: [
        ["jobs", "cancel", "--yes", "some-job"], ["jobs", "submit", "JOBFILE"],
    ])
    func readOnly(arguments: [String]) async throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-ran-\(UUID().uuidString)").path
        let config = try Self.config(server: "http://127.0.0.1:9", passwordCommand: "touch \(marker); echo x", readOnly: true)
        let job = try TemporaryFile(contents: #"{"name":"n","tables":{"tableList":[{"name":"T","column":[{"name":"C"}]}]}}"#)
        let result = try await DxtopBinary.run(arguments.map { $0 == "JOBFILE" ? job.path : $0 }, env: config.environment)
        #expect(result.status == 4, "\(result)")
        #expect(result.stderr.contains("context 'sim' is read-only"), "\(result)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("a read-only context still lists")
    func readOnlyLists() async throws {
        try await SimulatorFixture.with { sim in
            let config = try Self.config(server: sim.url, passwordCommand: "echo admin-secret", readOnly: true)
            let result = try await DxtopBinary.run(["jobs", "list", "--count", "1"], env: config.environment)
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test("a command that never ends is stopped at the time limit, children too: one line, no secret")
    func neverEnds() async throws {
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-pw-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        // The child holds the command's stdout open, as a password store's agent might.
        let config = try Self.config(server: "http://127.0.0.1:9",
                                     passwordCommand: "echo leaked-secret; sleep 86400 & echo $! > \(pidFile); wait")
        var environment = config.environment
        environment["DXTOP_PASSWORD_COMMAND_TIMEOUT"] = "1.5"
        let result = try await DxtopBinary.run(["jobs", "list"], env: environment)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr == "dxtop: context 'sim': password-command did not finish within 1.5 seconds\n", "\(result)")
        #expect(!result.stdout.contains("leaked-secret") && !result.stderr.contains("leaked-secret"))
        // The limit does not wait for the child to be started: on a machine too loaded to start it
        // within the limit there is no child to look for (the rest of the test still holds).
        guard let written = try? String(contentsOfFile: pidFile, encoding: .utf8),
              let child = Int32(written.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        let ended = ProcessTable.waitForExit(child, timeout: .seconds(20))
        if !ended { kill(child, SIGKILL) }
        #expect(ended, "the command's child still runs after the time limit")
    }
}
