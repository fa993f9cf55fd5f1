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
        while let next = LoopbackSocket.readRequest(client, pending: &buffer) {
            let (request, method, path) = (next.bytes, next.method, next.path)
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
