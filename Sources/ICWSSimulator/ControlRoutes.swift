import Foundation
import Hummingbird

/// `/simulator/...`: the benchmark's handles on a running `dxtop simulate`, outside the ICWS API
/// (no session; the simulator listens on loopback only). Not counted in the traffic.
///
/// - `GET /simulator/traffic`: `SimulatorTraffic` as JSON (requests and answer bytes per kind).
/// - `POST /simulator/burst?changes=N&seconds=S`: N status changes spread over S seconds (default
///   1); answers `{"changes": made}` once the burst is over.
struct ControlRoutes: Sendable {
    let core: SimulatorCore
    let traffic: TrafficCounter

    /// Largest burst accepted, and longest spread.
    static let maximumChanges = 1_000_000
    static let maximumSeconds = 600.0

    func register(on router: Router<SimulatorRequestContext>) {
        router.get("/simulator/traffic") { _, _ in
            Self.json(traffic.snapshot)
        }
        router.post("/simulator/burst") { request, _ in
            guard let changes = Int(request.query("changes") ?? ""), (0...Self.maximumChanges).contains(changes) else {
                return Self.refusal("changes must be a whole number from 0 to \(Self.maximumChanges)")
            }
            let seconds = request.query("seconds").map { Double($0) } ?? 1
            guard let seconds, seconds.isFinite, (0...Self.maximumSeconds).contains(seconds) else {
                return Self.refusal("seconds must be a number from 0 to \(Int(Self.maximumSeconds))")
            }
            let made = await core.burst(changes: changes, over: .milliseconds(Int64(seconds * 1000)))
            return Self.json(["changes": made])
        }
    }

    private static func json<T: Encodable>(_ value: T) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func refusal(_ message: String) -> Response {
        Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
