import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// Turns AsyncHTTPClient / NIO errors into a one-line `ICWSError`.
enum TransportFailure {
    static func describe(_ error: any Error, call: HTTPCall, timeout: Duration) -> ICWSError {
        let place = "\(call.server.host):\(call.server.port)"
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timeout("\(call.method.rawValue) \(call.path) on \(place) got no answer within \(timeout.spoken)")
            case .connectTimeout, .tlsHandshakeTimeout:
                return .timeout("connecting to \(place) timed out after \(timeout.spoken)")
            case .remoteConnectionClosed:
                return .transport("\(place) closed the connection during \(call.method.rawValue) \(call.path)")
            default:
                break
            }
        }
        if error is NIOSSLError || error is BoringSSLError {
            return .transport("TLS failure with \(place): \(tlsReason(String(describing: error)))")
        }
        let text = ICWSError.oneLine(String(describing: error))
        if text.localizedCaseInsensitiveContains("refused") {
            return .transport("cannot connect to \(place): connection refused")
        }
        if text.localizedCaseInsensitiveContains("certificate") || text.localizedCaseInsensitiveContains("handshake") {
            return .transport("TLS failure with \(place): \(text)")
        }
        return .transport("cannot reach \(place): \(text)")
    }

    /// The BoringSSL reason code in words ("wrong version number"), with a hint for the common ones;
    /// the raw one-line text when there is no code.
    static func tlsReason(_ text: String) -> String {
        guard let marker = text.range(of: "OPENSSL_internal:") else { return ICWSError.oneLine(text) }
        let code = text[marker.upperBound...].prefix { $0.isUppercase || $0 == "_" || $0.isNumber }
        let words = code.lowercased().replacingOccurrences(of: "_", with: " ")
        switch code {
        case "WRONG_VERSION_NUMBER": return "\(words) (the server may not speak HTTPS on this port)"
        case "CERTIFICATE_VERIFY_FAILED": return "\(words) (the server's certificate is not trusted)"
        default: return words.isEmpty ? ICWSError.oneLine(text) : words
        }
    }
}
