/// Told of every request a session makes and every body byte it receives: the one place where
/// dxtop's own cost to a server is counted (the exporter's `dxtop_server_requests_total`,
/// `dxtop_server_response_bytes_total` and `dxtop_server_logins_total`). Called from the request's
/// task, so it must be cheap and thread-safe (counters, not I/O).
public protocol TrafficObserver: Sendable {
    /// A request was sent; `isLogin` for a login (POST /icws/connection), whatever its answer.
    func requestSent(isLogin: Bool)
    /// Body bytes of an answer or of an event stream arrived.
    func bodyBytesReceived(_ count: Int)
}
