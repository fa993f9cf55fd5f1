/// How the connection owner (`JobStatusFeed`) paces itself, whatever the server does: the
/// event stream's liveness bounds, the reconnection budget, the fallback to polling for a stream
/// that flaps, and when a link reads "offline" (docs/icws-choices.md §14).
public struct ConnectionPolicy: Sendable, Equatable {
    /// A stream silent this long before a ping interval was learnt is reopened (stale after half
    /// of it): how long the stream of a server that never pings is trusted.
    public var streamIdleTimeout: Duration = .seconds(180)
    /// At most this many reconnections (stream reopenings and logins of the loop) in `budgetWindow`.
    public var reconnectionsPerWindow = 6
    public var budgetWindow: Duration = .seconds(60)
    /// A stream that ends less than this after it opened has flapped.
    public var shortLivedStream: Duration = .seconds(10)
    /// More than `flapLimit` flaps within `flapWindow`: the feed polls instead, every
    /// `unstablePollInterval`, for `unstablePollingPeriod`, then tries the stream again.
    public var flapLimit = 3
    public var flapWindow: Duration = .seconds(120)
    public var unstablePollInterval: Duration = .seconds(10)
    public var unstablePollingPeriod: Duration = .seconds(300)
    /// Polling a server without event streams (docs/icws-choices.md §14): the feed polls at its
    /// `pollInterval` after activity (a message received) and doubles the gap while nothing
    /// happens, up to `idlePollCap`; a consumer checks for new jobs at most every
    /// `newJobCheckWhilePolling`. Together an idle minute costs at most 6 requests.
    public var idlePollCap: Duration = .seconds(15)
    public var newJobCheckWhilePolling: Duration = .seconds(30)
    /// From this reconnection attempt on, the link is reported offline rather than reconnecting.
    public var offlineAfterAttempts = 4

    public init() {}

    /// How often a consumer checks for jobs that others submitted (`jobCount=1`) while the feed is
    /// live over `transport`: every `interval`, but no oftener than `newJobCheckWhilePolling` while
    /// polling a server without event streams. The dashboard and the exporter both ask here.
    public func newJobCheckInterval(_ interval: Duration, over transport: FeedTransport) -> Duration {
        transport == .polling ? max(interval, newJobCheckWhilePolling) : interval
    }

    /// The ping interval assumed until two pings were seen: silent for three of these the stream is
    /// stale, for six it is reopened.
    var fallbackPingGap: Duration { streamIdleTimeout / 6 }
    /// The shortest ping interval ever assumed, however fast or irregular the server pings.
    var minimumPingGap: Duration { streamIdleTimeout / 18 }
}
