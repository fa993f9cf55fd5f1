/// The link to the ICWS server, as the effect runner sees it.
public enum ConnectionStatus: Equatable, Sendable {
    case connecting
    case connected
    /// The event stream is open but has gone silent (no ping for three of its intervals).
    case stale
    case reconnecting(attempt: Int, reason: String)
    case offline(reason: String)
}
