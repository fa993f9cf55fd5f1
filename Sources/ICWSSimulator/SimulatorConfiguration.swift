import Foundation

/// A user the simulator accepts at login.
///
/// Passwords are fixed, documented test strings (see `docs/simulator.md`); they are never logged.
public struct SimulatorUser: Sendable, Hashable {
    public let userID: String
    public let password: String
    public let displayName: String
    /// May cancel any job; other users may cancel only their own.
    public let isAdministrator: Bool
    /// `submittedUserSiteId` of the jobs this user submits.
    public let siteId: Int

    public init(userID: String, password: String, displayName: String, isAdministrator: Bool, siteId: Int = 1) {
        self.userID = userID
        self.password = password
        self.displayName = displayName
        self.isAdministrator = isAdministrator
        self.siteId = siteId
    }

    /// `admin` / `admin-secret` (administrator) and `jdoe` / `jdoe-secret` (ordinary user).
    public static let defaults: [SimulatorUser] = [
        SimulatorUser(userID: "admin", password: "admin-secret", displayName: "Administrator", isAdministrator: true, siteId: 1),
        SimulatorUser(userID: "jdoe", password: "jdoe-secret", displayName: "John Doe", isAdministrator: false, siteId: 1),
    ]

    /// One line per user for `dxtop simulate` to print: "admin / admin-secret (administrator)".
    public static func printableList(_ users: [SimulatorUser]) -> [String] {
        users.map { "\($0.userID) / \($0.password)\($0.isAdministrator ? " (administrator)" : "")" }
    }
}

/// How a simulator instance is seeded and paced.
public struct SimulatorConfiguration: Sendable {
    /// Loopback address to bind.
    public var host = "127.0.0.1"
    /// Port to bind; 0 picks an ephemeral port (read it from `start()`).
    public var port = 0
    /// Number of seeded jobs (GUID ids drawn from the seed).
    public var jobCount = 60
    /// How many of the newest seeded jobs are still submitted, queued or started; nil: 6 to 10,
    /// drawn from the seed. (A burst of status changes needs many jobs that can still change.)
    public var activeJobCount: Int? = nil
    /// Speed factor of the job clock: 2 halves every duration; 0 freezes the engine (jobs only move
    /// through `advance(jobId:)` and cancels).
    public var speed = 1.0
    /// Seed of every random choice (job names, configurations, states, durations, outcomes).
    public var seed: UInt64 = 1
    /// Put terminal escape sequences, C1 controls, bidi overrides, CR, very long and CJK text into
    /// job names, error texts and output folders.
    public var hostileData = false
    /// Version of `data-extractor` in the feature list.
    public var dataExtractorVersion = 2
    /// Version of `messaging` in the feature list; below 2 there are no server-sent events.
    public var messagingVersion = 2
    /// Version of `data-dictionary` in the feature list; nil leaves it out and the dictionary
    /// routes answer 404, as on a server without the feature.
    public var dataDictionaryVersion: Int? = 2
    /// Seed 70 days of realistic series (`SeriesHistory`: daily, weekly and monthly extracts,
    /// failure streaks, a gap, an overlap, a late running job) instead of `jobCount` random jobs.
    public var seriesHistory = false
    /// Users that may log in.
    public var users: [SimulatorUser] = SimulatorUser.defaults
    /// Interval between `:ping` comments on a server-sent event stream.
    public var pingInterval: Duration = .seconds(15)
    /// When set, another user submits a new job about every this many seconds of job clock
    /// (scaled by `speed`), so a long demo keeps moving. Nil: only seeded and POSTed jobs.
    public var newJobInterval: Double? = nil
    /// The server behaviour the ICWS docs leave open (pings, framing, proxies, limits); setting it
    /// also sets the knobs above that the profile names (`pingInterval`, `messagingVersion`).
    public var profile: ServerProfile = .standard {
        didSet {
            let profile = self.profile
            profile.apply(to: &self)
        }
    }

    public init(
        host: String = "127.0.0.1", port: Int = 0, jobCount: Int = 60, speed: Double = 1.0, seed: UInt64 = 1,
        hostileData: Bool = false, dataExtractorVersion: Int = 2, messagingVersion: Int = 2,
        users: [SimulatorUser] = SimulatorUser.defaults, pingInterval: Duration = .seconds(15),
        newJobInterval: Double? = nil, profile: ServerProfile = .standard
    ) {
        self.host = host
        self.port = port
        self.jobCount = jobCount
        self.speed = speed
        self.seed = seed
        self.hostileData = hostileData
        self.dataExtractorVersion = dataExtractorVersion
        self.messagingVersion = messagingVersion
        self.users = users
        self.pingInterval = pingInterval
        self.newJobInterval = newJobInterval
        self.profile = profile
        profile.apply(to: &self)
    }

    /// For `dxtop --demo` and `dxtop simulate`: real-time clock, and another user submits a job
    /// about every 20 seconds so the dashboard keeps moving.
    public static var demo: SimulatorConfiguration {
        SimulatorConfiguration(speed: 1, newJobInterval: 20)
    }
}

/// Failures to inject on one listener. The default value injects nothing.
public struct SimulatorFaults: Sendable {
    /// Added before every request is answered.
    public var latency: Duration = .zero
    /// A session is dropped once it has made this many requests; the next answers 401.
    public var expireSessionsAfterRequests: Int? = nil
    /// Login answers 503 with this `alternateHostList` (switchover).
    public var notAcceptingConnections: [String]? = nil
    /// The next this many session requests answer 500 with an error body.
    public var failNextRequests = 0
    /// Job lists (GET data-extractor/jobs) after the first this many, counted from when the faults
    /// were set, answer 500: a listing that fails part-way through its pages.
    public var failJobListsAfter: Int? = nil
    /// This listener has handed over to these hosts (switchover mid-session): logins and every
    /// session call answer 503 with this `alternateHostList`, and setting it ends the event streams
    /// the listener serves. The sessions themselves stay valid on the other listeners.
    public var switchedOver: [String]? = nil
    /// Every event stream opened on this listener ends its session at once, as `endSessions` does
    /// (the connection-down message is the first thing the stream writes).
    public var endSessionOnStreamOpen = false
    /// Event streams on this listener send no pings (they stay open; messages still go out).
    public var silentStreams = false
    /// How this listener answers event-stream requests instead of streaming (nil: it streams).
    public var eventStreamAnswer: EventStreamFault? = nil

    public init(latency: Duration = .zero, expireSessionsAfterRequests: Int? = nil,
                notAcceptingConnections: [String]? = nil, failNextRequests: Int = 0,
                switchedOver: [String]? = nil, endSessionOnStreamOpen: Bool = false, silentStreams: Bool = false,
                failJobListsAfter: Int? = nil) {
        self.latency = latency
        self.expireSessionsAfterRequests = expireSessionsAfterRequests
        self.notAcceptingConnections = notAcceptingConnections
        self.failNextRequests = failNextRequests
        self.switchedOver = switchedOver
        self.endSessionOnStreamOpen = endSessionOnStreamOpen
        self.silentStreams = silentStreams
        self.failJobListsAfter = failJobListsAfter
    }

    /// The `alternateHostList` a login is refused with, if it is refused.
    var loginRefusal: [String]? { switchedOver ?? notAcceptingConnections }
}

/// What an event-stream request gets instead of a stream (`SimulatorFaults.eventStreamAnswer`).
public enum EventStreamFault: Sendable, Equatable {
    /// This status with an ICWS error body (401, 503, ...).
    case status(Int)
    /// 200 `text/event-stream` whose body ends at once (a proxy that closes streams).
    case closedAtOnce
    /// 200 with an empty body and no content type.
    case emptyOK
}
