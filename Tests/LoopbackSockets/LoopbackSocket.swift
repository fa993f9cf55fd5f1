import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plain TCP on 127.0.0.1 for the tests' hand-made servers and proxies, which need what a server
/// framework hides (a body cut short, a request held unanswered, bytes passed through untouched):
/// listen, accept, connect and send, one thread per connection.
public enum LoopbackSocket {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A socket listening on 127.0.0.1 at a port the system chose.
    public static func listen(backlog: Int32 = 64) throws -> (fd: Int32, port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, bound == 0, Glibc.listen(fd, backlog) == 0 else {
            let error = errno
            if fd >= 0 { close(fd) }
            throw Failure(description: "cannot listen on 127.0.0.1 (errno \(error))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// A connection to 127.0.0.1:`port`; nil when nothing listens there.
    public static func connect(port: Int) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard fd >= 0, connected == 0 else {
            if fd >= 0 { close(fd) }
            return nil
        }
        return fd
    }

    /// Accepts on `listener` on a thread of its own, each connection served on another, until the
    /// listener is shut down (then it is closed).
    public static func acceptInBackground(_ listener: Int32, serve: @escaping @Sendable (Int32) -> Void) {
        Thread {
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 {
                    if errno == EINTR { continue }
                    close(listener)
                    return
                }
                Thread { serve(client) }.start()
            }
        }.start()
    }

    /// Sends all of `bytes`; false when the peer went away.
    @discardableResult
    public static func send(_ bytes: some DataProtocol, to fd: Int32) -> Bool {
        let bytes = Array(bytes)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    /// One HTTP/1.1 request as it came: its bytes (head and `Content-Length` body), method, path
    /// without the query, and header values by lowercased name (the last of a name).
    public struct Request: Sendable {
        public let bytes: Data
        public let method: String
        public let path: String
        public let headers: [String: String]
    }

    /// Reads the next request from `fd`; `pending` holds bytes read past it (pipelined requests).
    /// Nil when the peer closes first.
    public static func readRequest(_ fd: Int32, pending: inout Data) -> Request? {
        let separator = Data("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 16384)
        func readMore() -> Bool {
            let n = recv(fd, &chunk, chunk.count, 0)
            guard n > 0 else { return false }
            pending.append(contentsOf: chunk[0..<n])
            return true
        }
        while pending.range(of: separator) == nil {
            guard readMore() else { return nil }
        }
        let headEnd = pending.range(of: separator)!.upperBound
        let lines = String(decoding: pending[pending.startIndex..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let parts = lines.first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            let pair = line.split(separator: ":", maxSplits: 1)
            if pair.count == 2 { headers[pair[0].lowercased()] = pair[1].trimmingCharacters(in: .whitespaces) }
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        while pending.distance(from: headEnd, to: pending.endIndex) < length {
            guard readMore() else { return nil }
        }
        let end = pending.index(headEnd, offsetBy: length)
        let bytes = Data(pending[pending.startIndex..<end])
        pending = Data(pending[end...])
        return Request(bytes: bytes, method: String(parts[0]),
                       path: String(parts[1].split(separator: "?", maxSplits: 1).first ?? ""), headers: headers)
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }
}
