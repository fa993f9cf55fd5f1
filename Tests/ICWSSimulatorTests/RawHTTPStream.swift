import Foundation
import ICWSWire
import LoopbackSockets
#if canImport(Glibc)
import Glibc
#endif

/// One HTTP answer read as raw bytes over a plain socket, for the profiles whose point is the
/// framing: the head as sent, and the body's chunks exactly as the server wrote them (Hummingbird
/// sends each write of a streamed body as one HTTP chunk), each with when it arrived.
struct RawHTTPAnswer: Sendable {
    struct Chunk: Sendable {
        let bytes: [UInt8]
        let arrived: ContinuousClock.Instant
    }

    var head = ""
    var chunks: [Chunk] = []
    /// The server closed the connection (or sent the last, empty chunk).
    var ended = false
    var text: String { String(decoding: chunks.flatMap(\.bytes), as: UTF8.self) }
    func header(_ name: String) -> String? {
        head.components(separatedBy: "\r\n").dropFirst().first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { String($0.drop { $0 != ":" }.dropFirst()).trimmingCharacters(in: .whitespaces) }
    }
}

/// Sends `request` (a whole HTTP/1.1 request) to 127.0.0.1:`port` and reads the answer on a thread
/// of its own until `done` holds (asked after every read and every 50 ms), the answer ends, or
/// `window` has passed (the safety net). `closed` then says whether the server closed the
/// connection after it.
func rawExchange(port: Int, _ request: String, window: Duration = .seconds(20),
                 until done: @escaping @Sendable (RawHTTPAnswer) -> Bool = { _ in false }) async throws -> (RawHTTPAnswer, closed: Bool) {
    guard let fd = LoopbackSocket.connect(port: port) else { throw WireTestError.timedOut("connect to \(port)") }
    return await withCheckedContinuation { continuation in
        Thread {
            defer { close(fd) }
            LoopbackSocket.send(Array(request.utf8), to: fd)
            var reader = ChunkedReader()
            let deadline = ContinuousClock.now + window
            var closed = false
            var buffer = [UInt8](repeating: 0, count: 65536)
            while !reader.answer.ended, !done(reader.answer) {
                let left = deadline - .now
                guard left > .zero else { break }
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                // Short polls, so that `done` (which may depend on the time) is asked again soon.
                let millis = Int32(min(left / .milliseconds(1), 50))
                guard poll(&descriptor, 1, max(1, millis)) > 0 else { continue }
                let n = recv(fd, &buffer, buffer.count, 0)
                guard n > 0 else { closed = true; reader.answer.ended = true; break }
                reader.feed(buffer[0..<n], at: .now)
            }
            if reader.answer.ended, !closed {
                // After a whole answer: does the server close the connection? (Connection: close)
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&descriptor, 1, 2000) > 0 { closed = recv(fd, &buffer, buffer.count, 0) <= 0 }
            }
            continuation.resume(returning: (reader.answer, closed))
        }.start()
    }
}

/// A GET with `headers`, `Connection: keep-alive` unless said otherwise.
func rawGET(_ path: String, headers: [(String, String)]) -> String {
    "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n"
}

/// Splits the head, then decodes `Transfer-Encoding: chunked` (or takes a `Content-Length` body whole).
private struct ChunkedReader {
    var answer = RawHTTPAnswer()
    private var pending: [UInt8] = []
    private var headDone = false
    private var contentLength: Int?

    mutating func feed(_ bytes: ArraySlice<UInt8>, at instant: ContinuousClock.Instant) {
        pending += bytes
        if !headDone {
            guard let end = Self.find([13, 10, 13, 10], in: pending) else { return }
            answer.head = String(decoding: pending[..<end], as: UTF8.self)
            pending.removeSubrange(..<(end + 4))
            headDone = true
            contentLength = answer.header("Content-Length").flatMap { Int($0) }
        }
        if let contentLength {
            guard pending.count >= contentLength else { return }
            answer.chunks.append(.init(bytes: Array(pending[..<contentLength]), arrived: instant))
            answer.ended = true
            return
        }
        while let lineEnd = Self.find([13, 10], in: pending),
              let size = Int(String(decoding: pending[..<lineEnd], as: UTF8.self), radix: 16),
              pending.count >= lineEnd + 2 + size + 2 {
            let start = lineEnd + 2
            if size == 0 { answer.ended = true; return }
            answer.chunks.append(.init(bytes: Array(pending[start..<(start + size)]), arrived: instant))
            pending.removeSubrange(..<(start + size + 2))
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

extension WireSession {
    /// The raw request that opens this session's event stream (cookie only, like EventSource).
    var rawEventStreamRequest: String {
        rawGET(ICWSPath.messages(id), headers: [("Accept", "text/event-stream"), ("Cookie", cookie)])
    }
}
