import Foundation
import LoopbackSockets
#if canImport(Glibc)
import Glibc
#endif

/// A loopback front for the simulator: it passes every request through, byte for byte (event
/// streams included), except the requests the current fault hits, which it answers itself — an
/// HTML 502, a huge or truncated or mislabelled body, a slow-loris body — or holds unanswered.
/// Thread per connection, like `ScriptedICWSServer`; for the dashboard's fault matrix.
final class FaultProxy: @unchecked Sendable {
    /// What a hit request gets.
    enum Fault: Sendable {
        case answer(FaultAnswer)
        /// Accepted and read, never answered (until `stop()`).
        case hold
    }

    /// Which requests a fault hits.
    enum Target: Sendable {
        /// `GET …/data-extractor/jobs` (the list pages).
        case jobList
        /// Every data-extractor request (pages, configurations, cancels).
        case jobRequests

        func hits(method: String, path: String) -> Bool {
            switch self {
            case .jobList: method == "GET" && path.hasSuffix("/data-extractor/jobs")
            case .jobRequests: path.contains("/data-extractor/")
            }
        }
    }

    let port: Int
    private let upstreamPort: Int
    private let listener: Int32
    private let lock = NSCondition()
    private var fault: (Fault, Target)?
    private var open: Set<Int32> = []
    private var stopped = false
    private var hits = 0

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        (listener, port) = try LoopbackSocket.listen()
        LoopbackSocket.acceptInBackground(listener) { [self] in serve($0) }
    }

    /// Sets (or with nil clears) the fault; requests already answered are not touched.
    func set(_ fault: Fault?, on target: Target = .jobList) {
        lock.withLock { self.fault = fault.map { ($0, target) } }
    }

    /// How many requests the faults answered or held.
    var hitCount: Int { lock.withLock { hits } }

    /// Stops accepting and closes every connection.
    func stop() {
        let fds: Set<Int32> = lock.withLock {
            stopped = true
            return open
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func track(_ fd: Int32) -> Bool {
        lock.withLock {
            guard !stopped else { return false }
            open.insert(fd)
            return true
        }
    }

    private func untrack(_ fd: Int32) {
        _ = lock.withLock { open.remove(fd) }
        close(fd)
    }

    /// Reads one request after another; each goes upstream or gets the fault.
    private func serve(_ client: Int32) {
        guard track(client) else {
            close(client)
            return
        }
        var upstream: Int32 = -1
        let pumped = DispatchSemaphore(value: 0)
        var buffer = Data()
        defer {
            if upstream >= 0 {
                shutdown(upstream, Int32(SHUT_RDWR))
                pumped.wait()
                untrack(upstream)
            }
            untrack(client)
        }
        while let (request, method, path) = Self.readRequest(client, &buffer) {
            let hit: Fault? = lock.withLock {
                guard let (fault, target) = fault, target.hits(method: method, path: path) else { return nil }
                hits += 1
                return fault
            }
            switch hit {
            case .answer(let answer)?:
                answer.send(to: client) { [self] in lock.withLock { stopped } }
                return
            case .hold?:
                var byte: UInt8 = 0
                _ = recv(client, &byte, 1, 0)  // until the client gives up or the proxy stops
                return
            case nil:
                if upstream < 0 {
                    upstream = LoopbackSocket.connect(port: upstreamPort) ?? -1
                    guard upstream >= 0, track(upstream) else { return }
                    let (from, to) = (upstream, client)
                    Thread {
                        Self.pump(from: from, to: to)
                        pumped.signal()
                    }.start()
                }
                guard LoopbackSocket.send(request, to: upstream) else { return }
            }
        }
    }

    /// Copies answers back to the client until upstream closes; then ends the client's connection.
    private static func pump(from upstream: Int32, to client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(upstream, &buffer, buffer.count, 0)
            guard n > 0, LoopbackSocket.send(buffer[0..<n], to: client) else { break }
        }
        shutdown(client, Int32(SHUT_RDWR))
    }

    /// One request's bytes (head and `Content-Length` body), its method and path; nil at the end.
    private static func readRequest(_ fd: Int32, _ data: inout Data) -> (Data, String, String)? {
        let separator = Data("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 16384)
        while data.range(of: separator) == nil {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            data.append(contentsOf: chunk[0..<n])
        }
        let headEnd = data.range(of: separator)!.upperBound
        let head = String(decoding: data[data.startIndex..<headEnd], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return nil }
        let length = lines.dropFirst().compactMap { line -> Int? in
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == "content-length" else { return nil }
            return Int(pair[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        while data.distance(from: headEnd, to: data.endIndex) < length {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return nil }
            data.append(contentsOf: chunk[0..<n])
        }
        let end = data.index(headEnd, offsetBy: length)
        let request = Data(data[data.startIndex..<end])
        data = Data(data[end...])
        let path = String(parts[1].split(separator: "?", maxSplits: 1).first ?? "")
        return (request, String(parts[0]), path)
    }

}

/// An answer the proxy gives itself.
struct FaultAnswer: Sendable {
    var status: Int
    var contentType: String
    var body: Data
    /// The `Content-Length` announced; more than `body.count` makes a body cut short.
    var announcedLength: Int?
    /// Bytes per piece and the pause between pieces (a slow-loris body).
    var trickle: (bytes: Int, pause: Duration)?

    /// Writes the answer with `Connection: close`; a trickle stops once `stopped` says so.
    func send(to fd: Int32, stopped: () -> Bool) {
        let head = "HTTP/1.1 \(status) Fault\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(announcedLength ?? body.count)\r\nConnection: close\r\n\r\n"
        guard LoopbackSocket.send(Data(head.utf8), to: fd) else { return }
        guard let trickle else {
            _ = LoopbackSocket.send(body, to: fd)
            return
        }
        // Pacing a slow sender, not synchronising: the client must give up on its own deadline.
        let bytes = Array(body)
        for start in stride(from: 0, to: bytes.count, by: max(1, trickle.bytes)) where !stopped() {
            guard LoopbackSocket.send(bytes[start..<min(bytes.count, start + max(1, trickle.bytes))], to: fd) else { return }
            Thread.sleep(forTimeInterval: Double(trickle.pause.components.seconds) + Double(trickle.pause.components.attoseconds) / 1e18)
        }
    }
}
