/// Why a server's link is down or degraded, typed up to the view: front ends choose the words
/// (`words` is the one phrasing, used by the dashboard's header and `jobs watch`).
public enum LinkTrouble: Sendable, Hashable {
    /// The server (or a proxy) closed the event stream.
    case streamEnded
    /// Nothing arrived on the event stream, not even a ping, for this long.
    case streamSilent(Duration)
    /// The server answered the event stream with something other than an event stream.
    case notAnEventStream
    /// The server reported the session ended.
    case sessionEnded
    /// The stream belonged to a session replaced by a new login.
    case sessionReplaced
    /// A request (a login, the stream's opening, a poll) failed.
    case failed(Failure)

    /// One line, unsanitised (a failure carries the server's text): clean it before a terminal.
    public var words: String {
        switch self {
        case .streamEnded: "the event stream ended"
        case .streamSilent(let silent): "the event stream was silent for \(silent.components.seconds) s"
        case .notAnEventStream: "the server did not answer with an event stream"
        case .sessionEnded: "the server ended the session"
        case .sessionReplaced: "the session was replaced by a new login"
        case .failed(let failure): failure.message
        }
    }
}
