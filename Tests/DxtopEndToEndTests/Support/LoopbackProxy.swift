import Foundation
import LoopbackSockets
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP CONNECT proxy on 127.0.0.1 (ephemeral port) that counts tunnels and records the
/// targets asked for, and connects every tunnel to `upstreamPort` on 127.0.0.1 whatever the target
/// (so a test can name a server nobody listens on and still reach a simulator: only the proxy
/// could have made that work). AsyncHTTPClient tunnels plain-HTTP requests too.
final class LoopbackProxy: @unchecked Sendable {
    let port: Int
    var url: String { "http://127.0.0.1:\(port)" }
    private let listener: Int32
    private let upstreamPort: Int
    private let lock = NSLock()
    private var seenTargets: [String] = []

    init(upstreamPort: Int) throws {
        self.upstreamPort = upstreamPort
        (listener, port) = try LoopbackSocket.listen(backlog: 16)
        LoopbackSocket.acceptInBackground(listener) { [self] in tunnel($0) }
    }

    /// The `CONNECT` targets so far (`host:port`), in order.
    var targets: [String] {
        lock.lock()
        defer { lock.unlock() }
        return seenTargets
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func tunnel(_ client: Int32) {
        var head = Data()
        var byte: UInt8 = 0
        while !head.hasSuffix("\r\n\r\n"), recv(client, &byte, 1, 0) == 1 { head.append(byte) }
        let requestLine = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
        let parts = requestLine.split(separator: " ")
        guard parts.count == 3, parts[0] == "CONNECT" else {
            reply(client, "HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            close(client)
            return
        }
        lock.lock()
        seenTargets.append(String(parts[1]))
        lock.unlock()
        guard let upstream = LoopbackSocket.connect(port: upstreamPort) else {
            reply(client, "HTTP/1.1 502 Upstream down\r\nContent-Length: 0\r\n\r\n")
            close(client)
            return
        }
        reply(client, "HTTP/1.1 200 Connection established\r\n\r\n")
        let done = DispatchGroup()
        for (from, to) in [(client, upstream), (upstream, client)] {
            done.enter()
            Thread {
                var buffer = [UInt8](repeating: 0, count: 16384)
                while true {
                    let n = recv(from, &buffer, buffer.count, 0)
                    if n <= 0 || !LoopbackSocket.send(buffer[0..<n], to: to) { break }
                }
                shutdown(to, Int32(SHUT_WR))
                done.leave()
            }.start()
        }
        done.wait()
        close(client)
        close(upstream)
    }

    private func reply(_ fd: Int32, _ text: String) {
        LoopbackSocket.send(Array(text.utf8), to: fd)
    }
}

private extension Data {
    func hasSuffix(_ text: String) -> Bool {
        let suffix = Data(text.utf8)
        return count >= suffix.count && self[(endIndex - suffix.count)...] == suffix
    }
}
