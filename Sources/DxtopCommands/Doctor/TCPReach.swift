import Foundation

/// Can a TCP connection to host:port be opened within a time limit? For `dxtop doctor`'s first step,
/// before anything speaks HTTP or TLS.
enum TCPReach {
    /// Nil when a connection opened (and was closed again); else why not, in words.
    static func problem(host: String, port: Int, within seconds: Double) -> String? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            return "the name \(host) does not resolve (\(String(cString: gai_strerror(resolved))))"
        }
        defer { freeaddrinfo(list) }
        var reason = "no address to connect to"
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            if let failure = connect(address.pointee, within: seconds) { reason = failure } else { return nil }
            entry = address.pointee.ai_next
        }
        return reason
    }

    private static func connect(_ address: addrinfo, within seconds: Double) -> String? {
        let fd = socket(address.ai_family, address.ai_socktype, address.ai_protocol)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        if Glibc.connect(fd, address.ai_addr, address.ai_addrlen) == 0 { return nil }
        guard errno == EINPROGRESS else { return String(cString: strerror(errno)).lowercased() }
        var descriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        let ready = poll(&descriptor, 1, Int32(seconds * 1000))
        guard ready > 0 else { return "no answer within \(seconds) seconds" }
        var failure: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length)
        return failure == 0 ? nil : String(cString: strerror(failure)).lowercased()
    }
}
