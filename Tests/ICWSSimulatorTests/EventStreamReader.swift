import AsyncHTTPClient
import Foundation
import ICWSWire
import NIOCore

/// Reads server-sent event frames (text between blank lines) from a streaming response.
struct EventStreamReader {
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private var pending = ""

    init(_ response: HTTPClientResponse) { iterator = response.body.makeAsyncIterator() }

    /// The next frame without its trailing blank line, or nil when the stream ended.
    mutating func nextFrame() async throws -> String? {
        while true {
            if let end = pending.range(of: "\n\n") {
                let frame = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                return frame
            }
            guard var chunk = try await iterator.next() else { return nil }
            pending += chunk.readString(length: chunk.readableBytes) ?? ""
        }
    }

    /// The next `data:` frame decoded as a job-status message, skipping pings.
    mutating func nextJobMessage() async throws -> JobStatusMessage? {
        while let frame = try await nextFrame() {
            guard frame.hasPrefix("data: ") else { continue }
            return try ICWSJSON.decode(JobStatusMessage.self, from: Data(frame.dropFirst(6).utf8))
        }
        return nil
    }
}

extension WireSession {
    /// Opens the event stream (cookie only, like EventSource).
    func openEventStream() async throws -> HTTPClientResponse {
        var request = HTTPClientRequest(url: client.baseURL + ICWSPath.messages(id))
        request.headers.add(name: "Accept", value: ICWSProtocol.eventStreamType)
        request.headers.add(name: "Cookie", value: cookie)
        return try await HTTPClient.shared.execute(request, timeout: .seconds(60))
    }
}
