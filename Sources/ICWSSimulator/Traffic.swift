import Foundation
import Hummingbird
import Synchronization

/// What the simulator has served, for benchmarks that count the cost of a client to the server:
/// requests and bytes of answer bodies (headers not counted), per kind of request.
///
/// A kind is the method and the path with the session id left out and job ids written `{id}`
/// (`GET data-extractor/jobs/{id}`); a job list also names its `jobCount`
/// (`GET data-extractor/jobs?jobCount=1`). An event stream is one request whose bytes grow with
/// every event written. The `/simulator/...` control routes are not counted.
public struct SimulatorTraffic: Sendable, Hashable, Codable {
    public var requests: [String: Int] = [:]
    public var answerBytes: [String: Int] = [:]
    /// Job lists answered with fewer jobs than asked: a client that pages back got to the oldest job.
    public var listsReachingOldest = 0

    public init() {}

    public var totalRequests: Int { requests.values.reduce(0, +) }
    public var totalAnswerBytes: Int { answerBytes.values.reduce(0, +) }

    /// Event streams opened (requests of the `… (event stream)` kinds).
    public var eventStreamOpens: Int { requests.filter { $0.key.hasSuffix("(event stream)") }.values.reduce(0, +) }

    /// What was served after `earlier`, a snapshot of the same counter: the kinds with requests or
    /// bytes since then, and their counts since then.
    public func since(_ earlier: SimulatorTraffic) -> SimulatorTraffic {
        var change = SimulatorTraffic()
        change.requests = requests.reduce(into: [:]) { result, entry in
            let added = entry.value - (earlier.requests[entry.key] ?? 0)
            if added > 0 { result[entry.key] = added }
        }
        change.answerBytes = answerBytes.reduce(into: [:]) { result, entry in
            let added = entry.value - (earlier.answerBytes[entry.key] ?? 0)
            if added > 0 { result[entry.key] = added }
        }
        change.listsReachingOldest = listsReachingOldest - earlier.listsReachingOldest
        return change
    }

    /// Requests of the kinds that start with `prefix` (`"GET data-extractor/jobs?"`: every list).
    public func requests(startingWith prefix: String) -> Int {
        requests.filter { $0.key.hasPrefix(prefix) }.values.reduce(0, +)
    }
}

/// The counter every listener of one simulator (and its partner) adds to.
final class TrafficCounter: Sendable {
    private let traffic = Mutex(SimulatorTraffic())

    var snapshot: SimulatorTraffic { traffic.withLock { $0 } }

    func count(_ kind: String, bytes: Int) {
        traffic.withLock {
            $0.requests[kind, default: 0] += 1
            $0.answerBytes[kind, default: 0] += bytes
        }
    }

    func countListReachingOldest() {
        traffic.withLock { $0.listsReachingOldest += 1 }
    }

    /// Bytes written later on a request already counted (an event stream).
    func add(bytes: Int, to kind: String) {
        traffic.withLock { $0.answerBytes[kind, default: 0] += bytes }
    }

    /// The kind of a request: `GET data-extractor/jobs?jobCount=50`, `POST connection`, ...
    static func kind(of request: Request) -> String? {
        var parts = request.uri.path.split(separator: "/").map(String.init)
        guard parts.first != "simulator" else { return nil }
        if parts.first == "icws" { parts.removeFirst() }
        // `/icws/{sessionId}/...`: every session route has something after the session id.
        if parts.count > 1, parts[0] != "connection" { parts.removeFirst() }
        let path = parts.map { UUID(uuidString: $0) == nil ? $0 : "{id}" }.joined(separator: "/")
        var kind = "\(request.method.rawValue) \(path)"
        if path == "data-extractor/jobs", request.method == .get {
            kind += "?jobCount=\(request.query("jobCount") ?? "default")"
        }
        if MessagingRoutes.wantsEventStream(request) { kind += " (event stream)" }
        return kind
    }
}

/// Counts every request and the bytes of its answer (a stream's bytes are added as they go).
struct TrafficMiddleware<Context: RequestContext>: RouterMiddleware {
    let counter: TrafficCounter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        if let kind = TrafficCounter.kind(of: request) {
            counter.count(kind, bytes: response.body.contentLength ?? 0)
        }
        return response
    }
}
