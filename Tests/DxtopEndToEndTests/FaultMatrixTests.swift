import Foundation
import ICWSClient
import ICWSSimulator
import ICWSWire
import Testing

/// Faults a network or a server can throw at the API core and the CLI, over loopback: each ends in
/// one clear line (never "cannot reach" when the server answered, never a library type name), and
/// nothing the user asked for is silently lost. (The dashboard half — keys keep answering during
/// each fault — needs the runtime's pilot and is not here.)
@Suite("Fault matrix")
struct FaultMatrixTests {
    typealias Response = ScriptedICWSServer.Response

    /// A fault on the job list, and what the one error line must say.
    struct Fault: Sendable, CustomTestStringConvertible {
        let name: String
        let response: Response?
        let says: String
        var testDescription: String { name }
    }

    static let faults: [Fault] = [
        Fault(name: "accepts TCP, never answers", response: nil, says: "got no answer within 1 s"),
        Fault(name: "HTML 502 from a proxy",
              response: Response(status: 502, body: Data("<html><body><h1>502 Bad Gateway</h1></body></html>".utf8), contentType: "text/html"),
              says: "HTTP 502 Bad Gateway"),
        Fault(name: "100 MB body", response: Response(status: 200, body: Data(count: 100 << 20)),
              says: "is larger than 16 MiB, the most dxtop reads; refused"),
        Fault(name: "truncated JSON", response: Response(status: 200, body: Data(#"{"jobList":[{"jobStatus":{"id":"1","na"#.utf8)),
              says: "malformed JSON"),
        Fault(name: "wrong Content-Type", response: Response(status: 200, body: Data(#"{"jobList":[]}"#.utf8), contentType: "text/plain"),
              says: "expected JSON, got content type 'text/plain'"),
        Fault(name: "slow-loris body",
              response: Response(status: 200, body: Data(repeating: 0x20, count: 4096), trickle: (bytes: 1, pause: .milliseconds(100))),
              says: "got no answer within 1 s"),
        Fault(name: "huge header",
              response: Response(status: 200, body: Data(#"{"jobList":[]}"#.utf8), headers: ["X-Padding: " + String(repeating: "x", count: 200_000)]),
              says: "answer headers too large to read"),
        Fault(name: "short body", response: Response(status: 200, body: Data(#"{"jobList":"#.utf8), announcedLength: 5000),
              says: "cut short"),
    ]

    @Test("each fault is one clear line, exit 1", arguments: faults)
    func faultIsOneClearLine(fault: Fault) async throws {
        let response = fault.response
        try await ScriptedICWSServer.with(script: { request in request.path.hasSuffix("/jobs") ? response : nil }) { server in
            let result = try await DxtopBinary.run(["jobs", "list", "--timeout", "1"], env: server.environment)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains(fault.says), "\(result)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(result)")
            for word in ["cannot reach", "NIO", "HTTPClientError", "HTTPParserError"] { #expect(!result.stderr.contains(word), "\(result)") }
        }
    }

    @Test("a 10 MB answer (under the limit) is read")
    func tenMegabytesAreRead() async throws {
        var body = Data(#"{"jobList":[{"jobStatus":{"id":"big-1","name":"padded","submittedUserId":"jdoe"}}]"#.utf8)
        body.append(Data(repeating: 0x20, count: 10 << 20))
        body.append(Data("}".utf8))
        let sent = body
        try await ScriptedICWSServer.with(script: { request in request.path.hasSuffix("/jobs") ? Response(status: 200, body: sent) : nil }) { server in
            let result = try await DxtopBinary.run(["jobs", "list"], env: server.environment)
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("big-1"))
        }
    }

    @Test("server killed and restarted on the same port: a cancel meanwhile is reported, then confirmed")
    func restartOnTheSamePort() async throws {
        let first = ICWSSimulator(configuration: SimulatorConfiguration(host: "127.0.0.1", port: 0, speed: 0))
        let port = try await first.start()
        var configuration = ICWSClientConfiguration(
            server: try ICWSServer(parsing: "http://127.0.0.1:\(port)"), credentials: ICWSCredentials(user: "admin", password: "admin-secret"))
        configuration.requestTimeout = .seconds(10)
        let session = try ICWSSession(configuration: configuration)
        let jobId = try #require(await first.allJobStatuses().first { !$0.knownState.hasEnded }?.id)
        _ = try await session.listJobs(count: 5)
        await first.stop()

        let whileDown = await #expect(throws: ICWSError.self) { try await session.cancelJob(id: jobId) }
        #expect(whileDown?.description == "cannot connect to 127.0.0.1:\(port): connection refused")

        // Same seed, same port: the restarted server knows the same jobs (ids follow from the seed).
        let second = ICWSSimulator(configuration: SimulatorConfiguration(host: "127.0.0.1", port: port, speed: 0))
        _ = try await second.start()
        try await session.cancelJob(id: jobId)
        #expect(await second.jobStatus(id: jobId)?.state == .canceled)
        await session.shutdown()
        await second.stop()
    }
}
