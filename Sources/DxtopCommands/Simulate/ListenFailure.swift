import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the simulator could not listen, as one readable line instead of NIO's
/// `bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)`.
enum ListenFailure {
    static func message(host: String, port: Int, error: any Error) -> String {
        let reason: String
        if let error = error as? IOError {
            reason = String(cString: strerror(error.errnoCode)).lowercased()
        } else {
            reason = String(describing: error)
        }
        return "cannot listen on \(host):\(port): \(reason)"
    }
}
