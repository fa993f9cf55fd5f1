import DisplayText
import ICWSWire

extension ICWSError {
    /// The error as front ends decide on it: its kind and its one-line description. The one place
    /// an `ICWSError` becomes a `Failure` (the dashboard's state and the CLI's exit codes follow it).
    public var failure: Failure {
        Failure(kind, description)
    }

    private var kind: FailureKind {
        switch self {
        case .invalidServer, .invalidArgument: .invalidArgument
        case .authenticationFailed: .authentication
        case .permissionDenied: .permission
        case .notFound(let info): Self.refinedKind(info) ?? .notFound
        case .badRequest(let info), .gone(let info): Self.refinedKind(info) ?? .badRequest
        case .serverError, .unavailable, .transport: .unavailable
        case .featureMissing: .featureMissing
        case .timeout: .timeout
        case .undecodable: .undecodable
        }
    }

    /// Servers name an ended job and an unknown job by error id (`…jobAlreadyEnded`,
    /// `…jobNotFound`), whatever the status; matched without regard to case or prefix.
    private static func refinedKind(_ info: ServerErrorInfo) -> FailureKind? {
        guard let id = info.errorId?.lowercased() else { return nil }
        if id.hasSuffix("alreadyended") { return .alreadyEnded }
        if id.hasSuffix("notfound") { return .notFound }
        return nil
    }
}

extension Failure {
    /// Any error as a failure: an `ICWSError` by its kind, a `Failure` as it is, anything else
    /// (which the API core does not throw) as unavailable with its description.
    public init(_ error: any Error) {
        if let failure = error as? Failure {
            self = failure
        } else if let error = error as? ICWSError {
            self = error.failure
        } else {
            self.init(.unavailable, OneLine.folded(String(describing: error)))
        }
    }
}
