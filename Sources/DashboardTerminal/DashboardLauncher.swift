import DashboardKit
import DashboardRuntime
import ICWSClient
import Logging

/// What the `dxtop` root command passes to the dashboard.
public struct DashboardLaunchOptions: Sendable {
    /// Cancel is removed entirely.
    public var readOnly: Bool
    /// `--no-color` or `NO_COLOR` set.
    public var noColor: Bool
    /// Show times in UTC instead of the local zone.
    public var utc: Bool
    /// Where log lines go; never the screen.
    public var logger: Logger
    /// The config file's saved views and the one to open on.
    public var views: [SavedView] = []
    public var defaultView: Int?
    /// The config's `keys:`.
    public var keys: [KeyRebinding] = []
    /// The config's `theme:` and `colors:` (`noColor` still wins).
    public var theme = Theme.dark
    /// `mouse: true` or `--mouse`: clicks and the wheel are reported (MouseReports).
    public var mouse = false

    public init(readOnly: Bool = false, noColor: Bool = false, utc: Bool = false, logger: Logger) {
        self.readOnly = readOnly
        self.noColor = noColor
        self.utc = utc
        self.logger = logger
    }
}

/// One server of the dashboard: how to reach it, and how the dashboard names and treats it.
public struct DashboardServer: Sendable {
    public var configuration: ICWSClientConfiguration
    /// The context's name; nil for a server given by flags only.
    public var name: String?
    /// Its jobs cannot be canceled from the dashboard.
    public var readOnly: Bool
    /// The context's `color:` for its name.
    public var color: TextColor?
    /// Its history kept between runs (the history cache); nil with `--no-cache`.
    public var history: (any HistoryStore)?

    public init(configuration: ICWSClientConfiguration, name: String? = nil, readOnly: Bool = false, color: TextColor? = nil,
                history: (any HistoryStore)? = nil) {
        self.configuration = configuration
        self.history = history
        self.name = name
        self.readOnly = readOnly
        self.color = color
    }
}

/// Entry point of the ncurses dashboard.
public enum DashboardLauncher {
    /// Runs the dashboard on the calling (main) thread until the operator quits, a signal arrives,
    /// the terminal goes away or the server refuses it for good. Returns why, once the terminal is
    /// restored and the session logged out; the caller reports it and picks the exit status.
    /// `--demo` callers start the simulator first and pass a configuration that points at it.
    /// Several servers share one list (a CONTEXT column, one session, feed and backoff each).
    public static func run(servers: [DashboardServer], options: DashboardLaunchOptions) -> DashboardOutcome {
        DashboardApp.run(servers: servers, options: options)
    }
}
