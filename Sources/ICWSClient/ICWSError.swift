import DisplayText
import Foundation

/// What the server said in an error answer.
public struct ServerErrorInfo: Sendable, Hashable {
    public var status: Int
    public var errorId: String?
    public var errorCode: Int?
    /// The server's message, or "HTTP 500" style text when the body had none.
    public var message: String

    public init(status: Int, errorId: String? = nil, errorCode: Int? = nil, message: String) {
        self.status = status
        self.errorId = errorId
        self.errorCode = errorCode
        self.message = message
    }
}

/// Every failure of the API core. `description` is one line a user can read; it never holds a password.
/// Server text is passed through unsanitised: front ends clean it before it reaches a terminal.
public enum ICWSError: Error, Sendable, CustomStringConvertible {
    case invalidServer(String)
    /// Bad credentials at login, or a 401 again after one re-login.
    case authenticationFailed(ServerErrorInfo)
    /// 403.
    case permissionDenied(ServerErrorInfo)
    /// 400 (and other 4xx without a case of their own).
    case badRequest(ServerErrorInfo)
    /// 404 (an unknown job id may also come back as 400).
    case notFound(ServerErrorInfo)
    /// 410.
    case gone(ServerErrorInfo)
    /// 500 and other 5xx except 503.
    case serverError(ServerErrorInfo)
    /// 503, after every alternate host was tried.
    case unavailable(ServerErrorInfo, triedHosts: [String])
    /// The server lacks data-extractor version 2 or later.
    case featureMissing(String)
    /// Which request timed out and after how long.
    case timeout(String)
    /// Connection refused, TLS failure, DNS failure, ...
    case transport(String)
    /// A success answer whose body does not decode.
    case undecodable(String)
    /// A call refused before any request because an argument cannot be right (an empty job id).
    case invalidArgument(String)

    public var serverInfo: ServerErrorInfo? {
        switch self {
        case .authenticationFailed(let info), .permissionDenied(let info), .badRequest(let info), .notFound(let info),
             .gone(let info), .serverError(let info), .unavailable(let info, _):
            info
        case .invalidServer, .featureMissing, .timeout, .transport, .undecodable, .invalidArgument:
            nil
        }
    }

    public var description: String {
        let text: String
        switch self {
        case .invalidServer(let message): text = "invalid server: \(message)"
        case .authenticationFailed(let info), .permissionDenied(let info), .badRequest(let info), .notFound(let info),
             .gone(let info), .serverError(let info):
            text = info.message
        case .unavailable(let info, let hosts):
            text = hosts.isEmpty ? info.message : "\(info.message) (tried \(hosts.joined(separator: ", ")))"
        case .featureMissing(let message), .timeout(let message), .transport(let message), .undecodable(let message),
             .invalidArgument(let message):
            text = message
        }
        return OneLine.folded(text)
    }
}
