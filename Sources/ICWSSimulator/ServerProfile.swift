/// A named server behaviour that the ICWS documentation leaves open: how the event stream pings and
/// frames its events, what a proxy in front does to it, how sessions and job lists are limited.
/// Each profile is one combination of the knobs below; `docs/simulator.md` lists them with the
/// open question of the fact sheet each stands for. Set one with `SimulatorConfiguration.profile`
/// (or `dxtop simulate --profile NAME`); `scaled(by:)` shortens every interval for tests.
public struct ServerProfile: Sendable, Hashable, CustomStringConvertible {
    /// The name `--profile` takes.
    public let name: String
    /// One line for the CLI and the docs.
    public let summary: String
    /// True when the server (or a proxy) ends event streams that work, so a client reconnects
    /// several times an idle minute (the conformance matrix allows 12 requests a minute, not 6).
    public let closesStreams: Bool

    /// Interval of the keep-alive comments; nil keeps `SimulatorConfiguration.pingInterval`.
    public var pingInterval: Duration?
    /// Comments on a timer at all (`pingInterval`); false: only at open / after messages, if those are set.
    public var timedPings = true
    /// A comment as soon as the stream opens, before anything else.
    public var pingAtOpen = false
    /// A comment after each batch of messages written.
    public var pingAfterMessages = false
    /// The keep-alive comment, without its colon.
    public var comment = "ping"
    /// Written after every line of the stream.
    public var lineEnding = "\n"
    /// Each message's JSON is cut (between tokens) into about this many `data:` lines.
    public var dataLinesPerMessage = 1
    /// Each frame goes out in three writes cut inside its lines, a few milliseconds apart.
    public var cutWrites = false
    /// A proxy ends an event stream on which nothing was written for this long.
    public var idleStreamLimit: Duration?
    /// Every answer carries `Connection: close` and its connection is closed after it.
    public var connectionClose = false
    /// A session with no request for this long expires silently (its stream ends, its next call
    /// answers 401). An open event stream does not keep it alive; requests, polls included, do.
    public var sessionIdleTimeout: Duration?
    /// Job lists return at most this many jobs, whatever `jobCount` asked (no error).
    public var jobCountCap: Int?
    /// `messaging` version in the feature list (below 2: no event streams, clients poll); nil keeps
    /// `SimulatorConfiguration.messagingVersion`.
    public var messagingVersion: Int?

    init(_ name: String, _ summary: String, closesStreams: Bool = false, _ change: (inout ServerProfile) -> Void = { _ in }) {
        self.name = name
        self.summary = summary
        self.closesStreams = closesStreams
        change(&self)
    }

    public var description: String { name }

    /// The conformance matrix's bound on what an idle minute of one client may cost this server
    /// (issue 15): 6 requests, 12 where the server or its proxy ends streams that work.
    public var idleMinuteRequestBound: Int { closesStreams ? 12 : 6 }

    /// The same profile with every interval multiplied by `factor` (0.25: a minute lasts 15 s).
    public func scaled(by factor: Double) -> ServerProfile {
        var scaled = self
        scaled.pingInterval = pingInterval.map { $0 * factor }
        scaled.idleStreamLimit = idleStreamLimit.map { $0 * factor }
        scaled.sessionIdleTimeout = sessionIdleTimeout.map { $0 * factor }
        return scaled
    }

    /// The profile called `name` (any case), or nil.
    public static func named(_ name: String) -> ServerProfile? {
        all.first { $0.name == name.lowercased() }
    }

    /// The simulator's own behaviour: `:ping` every `pingInterval` (15 s), LF lines, one `data:`
    /// line per message, keep-alive connections, no idle timeout, `jobCount` up to 1000, messaging 2.
    public static let standard = ServerProfile("standard", "the simulator's defaults: :ping every 15 s, LF, one data: line per message")

    public static let all: [ServerProfile] = [
        standard,
        ServerProfile("ping-at-open", ":ping as the stream opens, then after each batch of messages or every 5 s") {
            $0.pingInterval = .seconds(5)
            $0.pingAtOpen = true
            $0.pingAfterMessages = true
        },
        ServerProfile("irregular-pings", ":ping only after each batch of messages (none while idle)") {
            $0.timedPings = false
            $0.pingAfterMessages = true
        },
        ServerProfile("ping-every-second", ":ping every second") { $0.pingInterval = .seconds(1) },
        ServerProfile("no-pings", "no keep-alive comment at all (the stream stays open)") { $0.timedPings = false },
        ServerProfile("other-comment", "keep-alive comment `: keep-alive` instead of `:ping`") { $0.comment = " keep-alive" },
        ServerProfile("crlf", "CRLF line endings on the event stream") { $0.lineEnding = "\r\n" },
        ServerProfile("cut-frames", "each frame sent in three TCP writes cut mid-line") { $0.cutWrites = true },
        ServerProfile("multiline-data", "each JSON message spread over several data: lines") { $0.dataLinesPerMessage = 4 },
        ServerProfile("proxy-idle-close", "no pings, and a proxy ends a stream idle for 30 s", closesStreams: true) {
            $0.timedPings = false
            $0.idleStreamLimit = .seconds(30)
        },
        ServerProfile("connection-close", "Connection: close on every answer (no keep-alive)") { $0.connectionClose = true },
        ServerProfile("idle-session-expiry", "a session without a request for 30 s expires (an open stream does not count)",
                      closesStreams: true) { $0.sessionIdleTimeout = .seconds(30) },
        ServerProfile("capped-job-count", "job lists silently return at most 25 jobs, whatever jobCount asks") { $0.jobCountCap = 25 },
        ServerProfile("messaging-v1", "messaging version 1: no server-sent events, clients poll") { $0.messagingVersion = 1 },
    ]

    /// `name1, name2, ...` for error lines and help.
    public static var names: String { all.map(\.name).joined(separator: ", ") }

    /// Writes the knobs the configuration already has (`pingInterval`, `messagingVersion`).
    func apply(to configuration: inout SimulatorConfiguration) {
        if let pingInterval { configuration.pingInterval = pingInterval }
        if let messagingVersion { configuration.messagingVersion = messagingVersion }
    }
}
