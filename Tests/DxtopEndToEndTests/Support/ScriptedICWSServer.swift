import Foundation
import LoopbackSockets
import ICWSWire
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers each request from a script,
/// for what the simulator cannot do: hostile session and job ids, a status without a state, a
/// request that never gets an answer. One request per connection (`Connection: close`).
///
/// Logins (`POST /icws/connection`) are answered with `sessionId`; every request is recorded, and
/// tests wait for one with `waitForRequest` (no sleeping). Use `ScriptedICWSServer.with`.
final class ScriptedICWSServer: @unchecked Sendable {
    struct Request: Sendable, CustomStringConvertible {
        let method: String
        /// The path without the query.
        let path: String
        /// Header values by lowercased name (the last one of a name).
        var headers: [String: String] = [:]
        var description: String { "\(method) \(path)" }
    }

    struct Response: Sendable {
        var status: Int
        var body: Data
        var contentType = ICWSProtocol.mediaType
        /// Extra header lines (`Set-Cookie: …`).
        var headers: [String] = []
        /// The `Content-Length` announced; more than `body.count` makes a body cut short.
        var announcedLength: Int?
        /// Sends the body in pieces this big with `pause` between them (a slow-loris answer).
        var trickle: (bytes: Int, pause: Duration)?

        init(status: Int, body: Data, contentType: String = ICWSProtocol.mediaType, headers: [String] = [],
             announcedLength: Int? = nil, trickle: (bytes: Int, pause: Duration)? = nil) {
            self.status = status
            self.body = body
            self.contentType = contentType
            self.headers = headers
            self.announcedLength = announcedLength
            self.trickle = trickle
        }

        static func json<T: Encodable>(_ status: Int, _ value: T) -> Response {
            Response(status: status, body: (try? ICWSJSON.encode(value)) ?? Data())
        }

        /// The login answer a server gives: 201 with the session id, CSRF token and the cookie.
        static func login(sessionId: String, cookies: [String]? = nil) -> Response {
            let features = [FeatureInfo(featureId: ICWSProtocol.dataExtractorFeature, version: 2),
                            FeatureInfo(featureId: ICWSProtocol.messagingFeature, version: 2)]
            var answer = Response.json(201, ConnectionResponse(csrfToken: "csrf", sessionId: sessionId, userID: "admin", features: features))
            // A hostile session id cannot go into a header line: name the cookie by its letters only.
            let name = "icws_" + sessionId.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            answer.headers = (cookies ?? ["\(name)=cookie|languageId=en-us; Path=/icws; HttpOnly"]).map { "Set-Cookie: " + $0 }
            return answer
        }
    }

    /// What to answer a request after the login; nil leaves it unanswered until `stop()`.
    typealias Script = @Sendable (Request) -> Response?

    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let script: Script
    private let sessionId: String
    private let condition = NSCondition()
    private var seen: [Request] = []
    private var held: [Int32] = []
    private var stopped = false

    /// Answers `POST /icws/connection`; the default logs in as `sessionId` with a cookie.
    private let login: Script?

    init(sessionId: String = "s1", login: Script? = nil, script: @escaping Script) throws {
        self.sessionId = sessionId
        self.login = login
        self.script = script
        (listener, port) = try LoopbackSocket.listen(backlog: 16)
        LoopbackSocket.acceptInBackground(listener) { [self] in serve($0) }
    }

    /// Starts a server, runs `body`, stops the server however `body` ends.
    static func with<T>(sessionId: String = "s1", login: Script? = nil, script: @escaping Script,
                        _ body: (ScriptedICWSServer) async throws -> T) async throws -> T {
        let server = try ScriptedICWSServer(sessionId: sessionId, login: login, script: script)
        defer { server.stop() }
        return try await body(server)
    }

    /// The ICWS environment for `dxtop` (any password: the script accepts every login).
    var environment: [String: String] { ["ICWS_SERVER": url, "ICWS_USER": "admin", "ICWS_PASSWORD": "scripted"] }

    /// Every request so far, in arrival order.
    var requests: [Request] {
        condition.lock()
        defer { condition.unlock() }
        return seen
    }

    /// Waits until a request satisfying `predicate` has arrived; false after `timeout`.
    func waitForRequest(timeout: Duration = .seconds(20), _ predicate: (Request) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout.seconds)
        condition.lock()
        defer { condition.unlock() }
        while !seen.contains(where: predicate) {
            if !condition.wait(until: deadline) { return seen.contains(where: predicate) }
        }
        return true
    }

    /// Stops accepting and closes the connections left unanswered. Call it when done (the accept
    /// thread keeps the server alive until then).
    func stop() {
        condition.lock()
        let open = held
        let first = !stopped
        held = []
        stopped = true
        condition.unlock()
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in open { close(fd) }
    }

    private func serve(_ fd: Int32) {
        var pending = Data()
        guard let raw = LoopbackSocket.readRequest(fd, pending: &pending) else {
            close(fd)
            return
        }
        let request = Request(method: raw.method, path: raw.path, headers: raw.headers)
        let response = answer(request)
        condition.lock()
        seen.append(request)
        if response == nil { held.append(fd) }
        condition.broadcast()
        condition.unlock()
        guard let response else { return }
        var head = "HTTP/1.1 \(response.status) Scripted\r\nContent-Type: \(response.contentType)\r\n"
        for line in response.headers { head += line + "\r\n" }
        head += "Content-Length: \(response.announcedLength ?? response.body.count)\r\nConnection: close\r\n\r\n"
        guard LoopbackSocket.send(Array(head.utf8), to: fd) else {
            close(fd)
            return
        }
        let body = Array(response.body)
        if let trickle = response.trickle {
            // Pacing a slow sender, not synchronising: the client must give up on its own deadline.
            for start in stride(from: 0, to: body.count, by: max(1, trickle.bytes)) where !isStopped {
                guard LoopbackSocket.send(Array(body[start..<min(body.count, start + max(1, trickle.bytes))]), to: fd) else { break }
                Thread.sleep(forTimeInterval: trickle.pause.seconds)
            }
        } else {
            _ = LoopbackSocket.send(body, to: fd)
        }
        close(fd)
    }

    private var isStopped: Bool {
        condition.lock()
        defer { condition.unlock() }
        return stopped
    }

    private func answer(_ request: Request) -> Response? {
        if request.method == "POST", request.path == ICWSPath.connection {
            if let login { return login(request) }
            return .login(sessionId: sessionId)
        }
        if request.method == "DELETE", request.path.hasSuffix("/connection") {
            return Response(status: 204, body: Data())
        }
        return script(request)
    }

}
