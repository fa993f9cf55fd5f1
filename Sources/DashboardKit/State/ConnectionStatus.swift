import Foundation
import ICWSWire

/// The link to an ICWS server, as the runtime sees it. Typed up to the view: `HeaderView` chooses
/// the words.
public enum ConnectionStatus: Equatable, Sendable {
    case connecting
    case connected
    /// Logged in, but the job-status stream has said nothing (not even a keep-alive) since `since`:
    /// what is shown may be out of date.
    case stale(since: Date)
    case reconnecting(attempt: Int, because: LinkTrouble)
    /// The connection owner's offline policy: several attempts in a row failed (it keeps trying).
    case offline(because: LinkTrouble)
    /// The event stream kept failing: statuses are polled every this long for a while
    /// ("stream unstable: polling every 10 s").
    case pollingWhileStreamUnstable(every: Duration)

    /// Statuses arrive (by the stream or by polling).
    public var isReceiving: Bool {
        switch self {
        case .connected, .pollingWhileStreamUnstable: true
        case .connecting, .stale, .reconnecting, .offline: false
        }
    }
}
