import Foundation
import ICWSWire
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The defects a hostile server found (issue 10), each through the real binary against a scripted
/// server on loopback.
@Suite("dxtop against a hostile server")
struct HostileServerTests {
    private static func list(_ body: String) -> ScriptedICWSServer.Script {
        { request in request.path.hasSuffix("/jobs") ? ScriptedICWSServer.Response(status: 200, body: Data(body.utf8)) : nil }
    }

    @Test("--log-file on a pipe (/dev/stderr) logs instead of crashing")
    func logFileOnAPipe() async throws {
        try await ScriptedICWSServer.with(script: Self.list(#"{"jobList":[]}"#)) { server in
            let result = try await DxtopBinary.run(["jobs", "list", "--log-file", "/dev/stderr"], env: server.environment)
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("logged in"), "the log went to the pipe: \(result)")
        }
    }

    @Test("--log-file makes an existing file 0600 and refuses a symbolic link to a file")
    func logFileModeAndSymlink() async throws {
        try await ScriptedICWSServer.with(script: Self.list(#"{"jobList":[]}"#)) { server in
            let log = try TemporaryFile(contents: "old line\n", suffix: ".log")
            chmod(log.path, 0o644)
            let first = try await DxtopBinary.run(["jobs", "list", "--log-file", log.path], env: server.environment)
            #expect(first.status == 0, "\(first)")
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: log.path)[.posixPermissions] as? Int)
            #expect(mode == 0o600)
            let text = try String(contentsOfFile: log.path, encoding: .utf8)
            #expect(text.hasPrefix("old line\n") && text.contains("logged in"), "appended: \(text)")

            let victim = try TemporaryFile(contents: "precious\n", suffix: ".txt")
            let link = log.path + ".link"
            #expect(symlink(victim.path, link) == 0)
            defer { unlink(link) }
            let refused = try await DxtopBinary.run(["jobs", "list", "--log-file", link], env: server.environment)
            #expect(refused.status == 1, "\(refused)")
            #expect(refused.stderr.contains("symbolic link"), "\(refused)")
            #expect(try String(contentsOfFile: victim.path, encoding: .utf8) == "precious\n")
        }
    }

    @Test("one malformed job keeps the others: a one-line warning each, exit 0")
    func malformedJobKeepsTheList() async throws {
        var body = Data(#"""
        {"jobList":[
         {"jobStatus":{"id":"good-1","name":"first good","submittedUserId":"jdoe","state":3}},
         {"jobStatus":{"id":"bad-date","name":"odd date","submittedUserId":"jdoe","submitTime":"yesterday"}},
         {"jobStatus":{"name":"no id at all"}},
         {"jobStatus":{"id":"bad-utf8","name":"caf#","submittedUserId":"jdoe"}},
         {"jobStatus":{"id":"good-2","name":"second good","submittedUserId":"jdoe","state":1}}]}
        """#.utf8)
        body[try #require(body.firstRange(of: Data("caf#".utf8))).upperBound - 1] = 0xE9  // Latin-1 é: invalid UTF-8
        let sent = body
        try await ScriptedICWSServer.with(script: { request in
            request.path.hasSuffix("/jobs") ? ScriptedICWSServer.Response(status: 200, body: sent) : nil
        }) { server in
            let result = try await DxtopBinary.run(["jobs", "list"], env: server.environment)
            #expect(result.status == 0, "\(result)")
            for id in ["good-1", "bad-date", "bad-utf8", "good-2"] { #expect(result.stdout.contains(id), "\(id): \(result)") }
            #expect(result.stdout.contains("caf\u{FFFD}"))
            let warnings = result.stderr.split(separator: "\n").filter { $0.hasPrefix("dxtop: warning: ") }
            #expect(warnings.count == 3, "\(result.stderr)")
            #expect(warnings.contains { $0.contains("submitTime") } && warnings.contains { $0.contains("missing field 'id'") })
        }
    }

    @Test("a password, CSRF token or cookie echoed by the server is redacted from errors")
    func echoedSecretsAreRedacted() async throws {
        let password = "Tr0ub4dor&3-secret"
        let login: ScriptedICWSServer.Script = { _ in
            .json(400, ICWSErrorBody(errorId: ICWSErrorID.authenticationFailure, message: "password \(password) is wrong for admin"))
        }
        try await ScriptedICWSServer.with(login: login, script: { _ in nil }) { server in
            let env = server.environment.merging(["ICWS_PASSWORD": password]) { $1 }
            let result = try await DxtopBinary.run(["jobs", "list"], env: env)
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.contains("password [redacted] is wrong"), "\(result)")
            #expect(!result.stderr.contains(password) && !result.stdout.contains(password))
        }
        let echo: ScriptedICWSServer.Script = { request in
            .json(500, ICWSErrorBody(message: "bad token \(request.headers["inin-icws-csrf-token"] ?? "?") cookie \(request.headers["cookie"] ?? "?")"))
        }
        try await ScriptedICWSServer.with(script: echo) { server in
            let result = try await DxtopBinary.run(["jobs", "list"], env: server.environment)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("bad token [redacted] cookie icws_s1=[redacted]"), "\(result)")
            #expect(!result.stderr.contains("cookie|languageId"), "\(result)")
        }
    }

    @Test("a missing session cookie is an authentication failure (exit 3)")
    func missingCookieIsAuthentication() async throws {
        try await ScriptedICWSServer.with(login: { _ in .login(sessionId: "s1", cookies: []) }, script: { _ in nil }) { server in
            let result = try await DxtopBinary.run(["jobs", "list"], env: server.environment)
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.contains("session cookie"), "\(result)")
        }
    }

    @Test("a later Set-Cookie replaces the earlier one (RFC 6265)")
    func duplicateSetCookieKeepsTheLast() async throws {
        let login: ScriptedICWSServer.Script = { _ in .login(sessionId: "s1", cookies: ["icws_s1=first; Path=/icws", "icws_s1=second; Path=/icws"]) }
        let script: ScriptedICWSServer.Script = { request in
            guard request.path.hasSuffix("/jobs") else { return nil }
            return request.headers["cookie"] == "icws_s1=second"
                ? .json(200, JobList([])) : .json(401, ICWSErrorBody(message: "wrong cookie", errorCode: 1))
        }
        try await ScriptedICWSServer.with(login: login, script: script) { server in
            let result = try await DxtopBinary.run(["jobs", "list"], env: server.environment)
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test("503 alternates that differ only in case are tried once")
    func alternatesAreDeduplicatedIgnoringCase() async throws {
        let login: ScriptedICWSServer.Script = { _ in
            .json(503, ICWSErrorBody(errorId: "error.server.notAcceptingConnections", message: "Switching over.",
                                     alternateHostList: ["LOCALHOST", "localhost", "LocalHost"]))
        }
        try await ScriptedICWSServer.with(login: login, script: { _ in nil }) { server in
            let result = try await DxtopBinary.run(["jobs", "list"], env: server.environment)
            #expect(result.status == 1, "\(result)")
            let logins = server.requests.filter { $0.method == "POST" && $0.path == ICWSPath.connection }
            #expect(logins.count == 2, "127.0.0.1 and one of the LOCALHOST spellings: \(server.requests)")
        }
    }
}
