import AsyncHTTPClient
import Foundation
import ICWSWire
import NIOCore
import NIOHTTP1

/// One HTTP answer, body collected.
struct WireResponse {
    let status: Int
    let headers: HTTPHeaders
    let body: Data

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try ICWSJSON.decode(type, from: body) }
    var error: ICWSErrorBody? { try? decode(ICWSErrorBody.self) }
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first(name: name) }
}

/// A minimal ICWS caller over AsyncHTTPClient, for checking the wire exactly.
struct WireClient {
    let baseURL: String

    func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [],
              body: Data? = nil, contentType: String? = ICWSProtocol.requestContentType) async throws -> WireResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        var buffer = try await response.body.collect(upTo: 16 << 20)
        return WireResponse(status: Int(response.status.code), headers: response.headers,
                            body: Data(buffer.readBytes(length: buffer.readableBytes) ?? []))
    }

    func login(_ userID: String, _ password: String, include: String = "features,version",
               language: String? = "en-US") async throws -> WireResponse {
        let body = try ICWSJSON.encode(ICAuthConnectionRequest(applicationName: "dxtop tests", userID: userID, password: password))
        var headers = [("Accept", ICWSProtocol.mediaType)]
        if let language { headers.append(("Accept-Language", language)) }
        return try await send(.POST, ICWSPath.connection + "?include=\(include)", headers: headers, body: body)
    }

    /// Logs in and returns the session; fails the test when the login is refused.
    func session(_ userID: String = "admin", _ password: String = "admin-secret") async throws -> WireSession {
        let response = try await login(userID, password)
        guard response.status == 201, let answer = try? response.decode(ConnectionResponse.self),
              let setCookie = response.header("Set-Cookie"),
              let cookie = setCookie.split(separator: ";").first.map(String.init) else {
            throw WireTestError.loginFailed(response.status, response.text)
        }
        return WireSession(client: self, id: answer.sessionId, csrf: answer.csrfToken, cookie: cookie)
    }
}

/// A logged-in session: sends the CSRF header and the cookie.
struct WireSession {
    let client: WireClient
    let id: String
    let csrf: String
    let cookie: String

    func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: Data? = nil,
              csrf sendCSRF: Bool = true, cookie sendCookie: Bool = true) async throws -> WireResponse {
        var all = headers
        if sendCSRF { all.append((ICWSProtocol.csrfTokenHeader, csrf)) }
        if sendCookie { all.append(("Cookie", cookie)) }
        return try await client.send(method, path, headers: all, body: body)
    }

    func jobs(_ query: String = "") async throws -> WireResponse {
        try await send(.GET, ICWSPath.jobs(id) + query)
    }

    func jobList(_ query: String = "") async throws -> [Job] {
        try await jobs(query).decode(JobList.self).jobList
    }

    func subscribe(_ jobIds: [String]) async throws -> WireResponse {
        try await send(.PUT, ICWSPath.jobStatusSubscription(id), body: try ICWSJSON.encode(JobStatusSubscription(jobIds: jobIds)))
    }

    /// Polls once (no CSRF header, like the SDK) and decodes the job-status messages.
    func pollJobMessages() async throws -> [JobStatusMessage] {
        let response = try await send(.GET, ICWSPath.messages(id), csrf: false)
        guard response.status == 200 else { throw WireTestError.unexpectedStatus(response.status, response.text) }
        return try response.decode([ICWSMessage].self).compactMap {
            if case .jobStatus(let message) = $0 { return message }
            return nil
        }
    }
}

enum WireTestError: Error {
    case loginFailed(Int, String)
    case unexpectedStatus(Int, String)
    case timedOut(String)
}

/// Runs `body` against a started simulator and always stops it.
func withSimulator<T>(_ configuration: SimulatorConfigurationForTests = .frozen,
                      _ body: (ICWSSimulatorUnderTest) async throws -> T) async throws -> T {
    let simulator = ICWSSimulatorUnderTest(configuration: configuration.value)
    _ = try await simulator.start()
    do {
        let result = try await body(simulator)
        await simulator.stop()
        return result
    } catch {
        await simulator.stop()
        throw error
    }
}

/// Fails with `timedOut` when `body` takes longer than `seconds`.
func withTimeout<T: Sendable>(_ seconds: Double, _ what: String,
                              _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw WireTestError.timedOut(what)
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}
