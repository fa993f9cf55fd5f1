/// What kind of thing went wrong with a request, in the terms a front end acts on.
///
/// The API core maps every error to one of these (`ICWSError.failure`); the dashboard's state and
/// the CLI's exit codes are decided from the kind, and only views turn a failure into words.
public enum FailureKind: String, Sendable, Hashable, CaseIterable {
    /// Bad credentials, or a session the server no longer accepts after a re-login.
    case authentication
    /// The user lacks the right (403).
    case permission
    /// No such job (404, or the server's "unknown id" 400).
    case notFound
    /// The job has already ended, so it cannot be canceled.
    case alreadyEnded
    /// The server refused the request as malformed or invalid (400, 410, other 4xx).
    case badRequest
    /// No answer in time.
    case timeout
    /// The server cannot be reached or cannot serve now (refused, reset, 5xx, 503 switchover).
    case unavailable
    /// The server answered, but with a body that does not decode or is over a limit.
    case undecodable
    /// The server lacks a feature this needs (data-extractor 2, data-dictionary 2).
    case featureMissing
    /// Refused before sending: an argument or a local setting cannot be right.
    case invalidArgument
}

/// A failed request as state holds it: its kind and the server's own message (unsanitised;
/// front ends clean it before it reaches a terminal).
public struct Failure: Error, Sendable, Hashable {
    public var kind: FailureKind
    public var message: String

    public init(_ kind: FailureKind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
