import Foundation
import ICWSWire
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What only a scripted server can make happen: hostile ids, a job without a state, a request
/// that never gets an answer (to interrupt dxtop while it waits).
@Suite("dxtop against a scripted server")
struct CLIScriptedServerTests {
    static let hostileId = "12\u{1B}]0;pwned\u{07}\u{202E}34\u{9B}2J"

    @Test("jobs submit prints a hostile new id sanitised")
    func hostileSubmitId() async throws {
        let script: ScriptedICWSServer.Script = { request in
            request.method == "POST" ? .json(201, JobCreated(id: Self.hostileId)) : nil
        }
        try await ScriptedICWSServer.with(script: script) { server in
            let file = try TemporaryFile(contents: CLISubmitTests.config)
            let result = try await DxtopBinary.run(["jobs", "submit", file.path], env: server.environment)
            #expect(result.status == 0, "\(result)")
            #expect(CLIHostileTests.unsafeScalars(in: result.stdoutBytes).isEmpty, "\(result.stdout.debugDescription)")
            #expect(result.stdout.hasPrefix("12?]0;pwned?34?2J"), "\(result.stdout.debugDescription)")
        }
    }

    @Test("a job without a state shows '-' in list and show, not unknown(-1)")
    func missingState() async throws {
        let status = JobStatus(id: "7", name: "stateless", submittedUserId: "admin")
        let script: ScriptedICWSServer.Script = { request in
            request.path.hasSuffix("/jobs") ? .json(200, JobList([Job(jobStatus: status)])) : .json(200, Job(jobStatus: status))
        }
        try await ScriptedICWSServer.with(script: script) { server in
            let list = try await DxtopBinary.run(["jobs", "list"], env: server.environment)
            #expect(list.status == 0, "\(list)")
            let row = try #require(list.stdout.split(separator: "\n").last)
            #expect(row.hasPrefix("7   -  "), "\(list.stdout)")
            let show = try await DxtopBinary.run(["jobs", "show", "7"], env: server.environment)
            #expect(show.status == 0, "\(show)")
            #expect(show.stdout.contains(/State\s+-\n/), "\(show.stdout)")
            for output in [list.stdout, show.stdout] { #expect(!output.contains("unknown")) }
        }
    }

    @Test("SIGINT/SIGTERM while a request is pending: logs out, one line, exit 128+signal",
          arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func interruptedLogsOut(signal: Int32, status: Int32) async throws {
        try await ScriptedICWSServer.with(script: { _ in nil }) { server in
            // The request must still be pending when the signal comes, however long a loaded
            // machine takes between the server seeing it and the test sending the signal.
            let list = try DxtopBinary.start(["jobs", "list", "--timeout", "600"], env: server.environment)
            let waiting = try await DxtopBinary.offPool {
                server.waitForRequest { $0.method == "GET" && $0.path.hasSuffix("/data-extractor/jobs") }
            }
            #expect(waiting, "\(server.requests)")
            list.send(signal)
            let result = try await list.wait(timeout: .seconds(30))
            #expect(result.status == status, "\(result)")
            #expect(result.stderr == "dxtop: interrupted\n")
            #expect(server.requests.contains { $0.method == "DELETE" && $0.path == ICWSPath.sessionConnection("s1") },
                    "logged out: \(server.requests)")
        }
    }

    @Test("--log-file: server text is sanitised and every record stays on one line")
    func logFileIsClean() async throws {
        let sessionId = "s\u{1B}[2J\u{202E}\nFORGED 2026-01-01T00:00:00Z info"
        try await ScriptedICWSServer.with(sessionId: sessionId, script: { _ in .json(200, JobList([])) }) { server in
            let log = try TemporaryFile(contents: "", suffix: ".log")
            _ = try await DxtopBinary.run(["jobs", "list", "--log-file", log.path], env: server.environment)
            let text = try String(contentsOfFile: log.path, encoding: .utf8)
            #expect(text.contains("logged in"), "the login line names the session: \(text)")
            #expect(CLIHostileTests.unsafeScalars(in: Data(text.utf8)).isEmpty, "\(text.debugDescription)")
            let lines = text.split(separator: "\n")
            #expect(!lines.isEmpty)
            for line in lines {
                #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \w+ .*/) != nil, "\(line)")
                #expect(!line.hasPrefix("FORGED"))
            }
        }
    }
}
