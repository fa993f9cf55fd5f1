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

    public init(readOnly: Bool = false, noColor: Bool = false, utc: Bool = false, logger: Logger) {
        self.readOnly = readOnly
        self.noColor = noColor
        self.utc = utc
        self.logger = logger
    }
}

/// Entry point of the ncurses dashboard.
public enum DashboardLauncher {
    /// Runs the dashboard on the calling (main) thread until the operator quits, a signal arrives,
    /// the terminal goes away or the server refuses it for good. Returns why, once the terminal is
    /// restored and the session logged out; the caller reports it and picks the exit status.
    /// `--demo` callers start the simulator first and pass a configuration that points at it.
    public static func run(configuration: ICWSClientConfiguration, options: DashboardLaunchOptions) -> DashboardOutcome {
        DashboardApp.run(configuration: configuration, options: options)
    }
}
