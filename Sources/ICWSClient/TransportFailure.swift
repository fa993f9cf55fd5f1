import AsyncHTTPClient
import DisplayText
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// Turns AsyncHTTPClient / NIO errors into a one-line `ICWSError` in words: "cannot reach" only
/// when nothing answered, and never a library's type name.
enum TransportFailure {
    static func describe(_ error: any Error, call: HTTPCall, timeout: Duration) -> ICWSError {
        let place = "\(call.server.host):\(call.server.port)"
        let request = "\(call.method.rawValue) \(call.path)"
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return .timeout("\(request) on \(place) got no answer within \(timeout.spoken)")
            case .connectTimeout, .tlsHandshakeTimeout:
                return .timeout("connecting to \(place) timed out after \(timeout.spoken)")
            case .remoteConnectionClosed:
                return .transport("\(place) closed the connection during \(request)")
            case .bodyLengthMismatch:
                return .transport("\(place) sent a body of another length than it announced, during \(request)")
            case .invalidURL, .emptyHost, .emptyScheme:
                return .transport("cannot build a request URL for \(place)")
            case .cancelled:
                return .transport("\(request) on \(place) was cancelled")
            default:
                break
            }
        }
        if let error = error as? HTTPParserError {
            return .transport("\(place) answered \(request) with \(parserProblem(error))")
        }
        if let problem = TLSProblem(error, host: call.server.host) {
            return .transport("TLS failure with \(place): \(problem.summary)")
        }
        let text = OneLine.folded(String(describing: error))
        if text.localizedCaseInsensitiveContains("refused") {
            return .transport("cannot connect to \(place): connection refused")
        }
        if let error = error as? IOError {
            return .transport("cannot reach \(place): \(ioReason(error))")
        }
        if error is ChannelError {
            return .transport("the connection to \(place) failed during \(request)")
        }
        if text.localizedCaseInsensitiveContains("certificate") || text.localizedCaseInsensitiveContains("handshake") {
            return .transport("TLS failure with \(place): \(withoutTypeNames(text))")
        }
        return .transport("\(request) on \(place) failed: \(withoutTypeNames(text))")
    }

    /// What was wrong with the answer, in words.
    static func parserProblem(_ error: HTTPParserError) -> String {
        switch error {
        case .headerOverflow: "answer headers too large to read"
        case .invalidEOFState, .closedConnection: "an answer cut short (the connection closed before it was complete)"
        case .invalidContentLength, .unexpectedContentLength: "an answer whose length is not valid HTTP"
        case .invalidChunkSize: "an answer whose chunked body is not valid HTTP"
        case .invalidStatus, .invalidVersion: "an answer that is not HTTP"
        default: "an answer that is not valid HTTP"
        }
    }

    /// The system's words for a socket error ("connection reset by peer").
    static func ioReason(_ error: IOError) -> String {
        String(cString: strerror(error.errnoCode)).lowercased()
    }

    /// `NIOCore.ChannelError.ioOnClosedChannel` → `io on closed channel`: keeps the case name, in
    /// words, and drops module and type names a user cannot act on.
    static func withoutTypeNames(_ text: String) -> String {
        let words = text.split(separator: " ").map { word -> String in
            guard word.contains("."), word.first?.isUppercase == true, !word.contains("/"), !word.contains(":") else { return String(word) }
            let last = word.split(separator: ".").last.map(String.init) ?? String(word)
            return spaced(last)
        }
        return words.joined(separator: " ")
    }

    /// `ioOnClosedChannel` → `io on closed channel`.
    private static func spaced(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty { out.append(" ") }
            out.append(contentsOf: character.lowercased())
        }
        return out
    }

    /// The BoringSSL reason code in words ("wrong version number"), with a hint for the common ones;
    /// the raw one-line text when there is no code.
    static func tlsReason(_ text: String) -> String {
        TLSProblem(reasonIn: text).summary
    }
}
