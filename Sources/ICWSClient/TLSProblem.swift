import DisplayText
import Foundation
import NIOSSL

/// What is wrong with a server's TLS, as kinds a front end can act on. This is the one place that
/// reads NIOSSL and BoringSSL errors: `TransportFailure` words them, `TLSProbe` adds the dates and
/// names of the certificate the server sent.
public enum TLSProblem: Sendable, Hashable {
    /// The chain did not verify; from the error alone it cannot be told why (`TLSProbe` tells).
    case verificationFailed
    /// Not signed by a CA this machine trusts (an unknown issuer, or self-signed).
    case untrustedChain
    /// The certificate does not cover the name asked for; `covered` is what it names (empty when unknown).
    case nameMismatch(asked: String, covered: [String])
    /// The certificate expired at the date (nil when unknown).
    case expired(Date?)
    /// The certificate becomes valid only at the date (nil when unknown).
    case notYetValid(Date?)
    /// The port answered, but not with TLS: a plain-HTTP server behind an https URL.
    case notTLS
    /// Any other handshake failure, in words.
    case other(String)

    /// The kind of a TLS handshake error, `host` being the name asked for; nil when `error` is no TLS error.
    public init?(_ error: any Error, host: String) {
        if let error = error as? NIOSSLExtraError {
            guard error == .failedToValidateHostname else {
                self = .other(TransportFailure.withoutTypeNames(OneLine.folded(String(describing: error))))
                return
            }
            self = .nameMismatch(asked: host, covered: [])
            return
        }
        guard error is NIOSSLError || error is BoringSSLError else { return nil }
        self.init(reasonIn: String(describing: error))
    }

    /// From the BoringSSL reason code in the error's text (`...OPENSSL_internal:WRONG_VERSION_NUMBER...`).
    init(reasonIn text: String) {
        switch Self.reasonCode(text) {
        case "WRONG_VERSION_NUMBER", "HTTP_REQUEST", "HTTPS_PROXY_REQUEST": self = .notTLS
        case "CERTIFICATE_VERIFY_FAILED": self = .verificationFailed
        case let code? where !code.isEmpty: self = .other(code.lowercased().replacingOccurrences(of: "_", with: " "))
        default: self = .other(TransportFailure.withoutTypeNames(OneLine.folded(text)))
        }
    }

    private static func reasonCode(_ text: String) -> String? {
        guard let marker = text.range(of: "OPENSSL_internal:") else { return nil }
        return String(text[marker.upperBound...].prefix { $0.isUppercase || $0 == "_" || $0.isNumber })
    }

    /// One line in words, without advice (front ends add their own: a flag, a config key).
    public var summary: String {
        switch self {
        case .verificationFailed:
            return "certificate verify failed (the server's certificate is not trusted)"
        case .untrustedChain:
            return "certificate verify failed (the server's certificate is not trusted: not signed by a known CA, or self-signed)"
        case .nameMismatch(let asked, let covered):
            let names = covered.isEmpty ? "" : "; it covers " + covered.map { TerminalSafe.clean($0) }.joined(separator: ", ")
            return "the certificate is not for \(TerminalSafe.clean(asked))\(names)"
        case .expired(let date):
            return "the certificate has expired" + (date.map { " (on \(Self.day($0)))" } ?? "")
        case .notYetValid(let date):
            return "the certificate is not valid yet" + (date.map { " (only from \(Self.day($0)))" } ?? "")
        case .notTLS:
            return "wrong version number (the server may not speak HTTPS on this port)"
        case .other(let words):
            return words
        }
    }

    /// `2021-01-01 00:00 UTC`.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
}
