/// The link to the ICWS server, as the effect runner sees it.
public enum ConnectionStatus: Equatable, Sendable {
    case connecting
    case connected
    case reconnecting(attempt: Int, reason: String)
    case offline(reason: String)
}
