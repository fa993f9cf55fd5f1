import AsyncHTTPClient
import Foundation
import ICWSWire
import Logging
import NIOCore
import NIOHTTP1

/// One HTTP exchange as the session describes it; the transport adds the common headers.
struct HTTPCall: Sendable {
    var method: HTTPMethod
    var server: ICWSServer
    var path: String
    var query: [(String, String)] = []
    var headers: HTTPHeaders = [:]
    var body: Data? = nil
    var accept = ICWSProtocol.mediaType

    /// Path and query as sent ("/icws/connection?include=features").
    var target: String {
        guard !query.isEmpty else { return path }
        let pairs = query.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: ICWSPath.unreserved) ?? value)"
        }
        return path + "?" + pairs.joined(separator: "&")
    }
}

/// The outcome of opening a streaming request.
enum OpenedStream: Sendable {
    case streaming(HTTPClientResponse)
    case refused(HTTPAnswer)
}

/// Sends requests with deadlines, logs one debug line per request, and turns failures into `ICWSError`.
struct HTTPTransport: Sendable {
    let client: HTTPClient
    let logger: Logger
    let timeout: Duration
    let acceptLanguage: String
    /// Applied to every server and transport text that goes into an error or a log line.
    let redaction: Redaction
    /// Told of each request and of the body bytes received (`collect` and `countStreamed`).
    var traffic: (any TrafficObserver)? = nil

    /// Largest body collected from a non-streaming answer: 16 MiB, more than a page of 1000 jobs
    /// with their configurations. A larger answer is refused (`.undecodable`, naming the limit).
    static let maximumBodySize = 16 * 1024 * 1024

    /// Sends the call and collects the whole answer within the request timeout.
    func send(_ call: HTTPCall) async throws -> HTTPAnswer {
        let request = makeRequest(call)
        let started = ContinuousClock.now
        do {
            let response = try await client.execute(request, timeout: timeout.timeAmount)
            let answer = try await collect(response, call: call, started: started)
            log(call, status: answer.status, since: started)
            return answer
        } catch {
            log(call, status: nil, since: started, error: error)
            throw map(error, call: call)
        }
    }

    /// Sends the call and returns as soon as the head arrives (the deadline covers only that),
    /// leaving the body to stream. A non-2xx answer is collected and returned as `.refused`.
    func open(_ call: HTTPCall) async throws -> OpenedStream {
        let request = makeRequest(call)
        let started = ContinuousClock.now
        do {
            let response = try await client.execute(request, timeout: timeout.timeAmount)
            log(call, status: Int(response.status.code), since: started)
            guard (200..<300).contains(Int(response.status.code)) else {
                return .refused(try await collect(response, call: call, started: started))
            }
            return .streaming(response)
        } catch {
            log(call, status: nil, since: started, error: error)
            throw map(error, call: call)
        }
    }

    /// Reads the whole body within what is left of the request timeout.
    private func collect(_ response: HTTPClientResponse, call: HTTPCall, started: ContinuousClock.Instant) async throws -> HTTPAnswer {
        let remaining = max(timeout - (ContinuousClock.now - started), .milliseconds(50))
        let body: ByteBuffer?
        do {
            body = try await Self.within(remaining) { try await response.body.collect(upTo: Self.maximumBodySize) }
        } catch is NIOTooManyBytesError {
            throw ICWSError.undecodable("\(call.method.rawValue) \(call.path): the answer (HTTP \(response.status.code)) is larger than "
                                        + "\(Self.maximumBodySize / (1024 * 1024)) MiB, the most dxtop reads; refused")
        }
        guard let body else { throw HTTPClientError.deadlineExceeded }
        traffic?.bodyBytesReceived(body.readableBytes)
        return HTTPAnswer(status: Int(response.status.code), headers: response.headers, body: Data(body.readableBytesView), redaction: redaction)
    }

    /// Counts body bytes read from an event stream (the transport collects every other body).
    func countStreamed(_ count: Int) {
        traffic?.bodyBytesReceived(count)
    }

    private func makeRequest(_ call: HTTPCall) -> HTTPClientRequest {
        traffic?.requestSent(isLogin: call.method == .POST && call.path == ICWSPath.connection)
        var request = HTTPClientRequest(url: "\(call.server.scheme)://\(call.server.hostForURL):\(call.server.port)\(call.target)")
        request.method = call.method
        request.headers.add(name: "Accept", value: call.accept)
        request.headers.add(name: "Accept-Language", value: acceptLanguage)
        request.headers.add(contentsOf: call.headers)
        if let body = call.body {
            request.headers.add(name: "Content-Type", value: ICWSProtocol.requestContentType)
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        return request
    }

    private func log(_ call: HTTPCall, status: Int?, since started: ContinuousClock.Instant, error: (any Error)? = nil) {
        let milliseconds = (ContinuousClock.now - started).wholeMilliseconds
        logger.debug("\(call.method.rawValue) \(call.target) -> \(status.map(String.init) ?? "failed") (\(milliseconds) ms)",
                     metadata: error.map { ["host": "\(call.server.host)", "error": "\(map($0, call: call))"] } ?? ["host": "\(call.server.host)"])
    }

    private func map(_ error: any Error, call: HTTPCall) -> any Error {
        if let error = error as? ICWSError { return redaction.redact(error) }
        if error is CancellationError { return error }
        return redaction.redact(TransportFailure.describe(error, call: call, timeout: timeout))
    }

    /// Runs `operation`; nil when `timeout` passes first (the operation is then cancelled).
    static func within<T: Sendable>(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T? {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }
}
