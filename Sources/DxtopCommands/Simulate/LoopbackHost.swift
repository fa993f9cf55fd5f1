#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The addresses `dxtop simulate` may listen on: the simulator accepts the published test
/// passwords, so it must not be reachable from other machines.
enum LoopbackHost {
    /// True for `localhost`, `::1` and any IPv4 address in 127.0.0.0/8.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        // s_addr is in network byte order: its first byte in memory is the first octet.
        return withUnsafeBytes(of: &address) { $0.first } == 127
    }
}
