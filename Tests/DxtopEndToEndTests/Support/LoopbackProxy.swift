import Foundation
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
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0 else {
            if fd >= 0 { close(fd) }
            throw DxtopRunFailure(description: "proxy: cannot listen (errno \(errno))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
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

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                close(listener)
                return
            }
            Thread { [self] in tunnel(client) }.start()
        }
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
        let upstream = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: upstreamPort)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(upstream, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            reply(client, "HTTP/1.1 502 Upstream down\r\nContent-Length: 0\r\n\r\n")
            close(client)
            close(upstream)
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
                    if n <= 0 { break }
                    var offset = 0
                    while offset < n {
                        let sent = buffer[offset..<n].withUnsafeBytes { send(to, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                        if sent <= 0 { break }
                        offset += sent
                    }
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
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}

private extension Data {
    func hasSuffix(_ text: String) -> Bool {
        let suffix = Data(text.utf8)
        return count >= suffix.count && self[(endIndex - suffix.count)...] == suffix
    }
}
