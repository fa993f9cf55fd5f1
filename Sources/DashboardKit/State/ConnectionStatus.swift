import Foundation

/// The link to the ICWS server, as the runtime sees it.
public enum ConnectionStatus: Equatable, Sendable {
    case connecting
    case connected
    /// Logged in, but the job-status stream has said nothing (not even a keep-alive) since `since`:
    /// what is shown may be out of date.
    case stale(since: Date)
    case reconnecting(attempt: Int, reason: String)
    case offline(reason: String)

    /// The link was down or doubtful, so what is listed may have missed changes.
    var mayHaveMissedChanges: Bool {
        switch self {
        case .reconnecting, .offline, .stale: true
        case .connecting, .connected: false
        }
    }
}
