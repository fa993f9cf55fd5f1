import ICWSWire

/// The process exit statuses of `dxtop` (documented in docs/cli.md).
public enum ExitStatus: Int32, Sendable {
    /// Success, and also `--help` / `--version`.
    case ok = 0
    /// The command failed (server error, network, bad file, ...).
    case failure = 1
    /// The command line was wrong (unknown option, missing server, refused without `--yes`, ...).
    case usage = 2
    /// The server refused the user name or password.
    case authentication = 3
    /// The server refused the operation for this user.
    case permissionDenied = 4
    /// `coverage --exit-status`: a gap was listed.
    case gapsFound = 5
    /// A one-shot command (login, list, show, submit, cancel) stopped by SIGINT (128 + 2), after logging out.
    case interrupted = 130
    /// The same, stopped by SIGTERM (128 + 15).
    case terminated = 143
}

extension ExitStatus {
    /// The status a failure ends a command (or the dashboard) with: the one mapping from kinds.
    init(_ kind: FailureKind) {
        switch kind {
        case .authentication: self = .authentication
        case .permission: self = .permissionDenied
        case .notFound, .alreadyEnded, .badRequest, .timeout, .unavailable, .undecodable, .featureMissing,
             .invalidArgument:
            self = .failure
        }
    }
}
