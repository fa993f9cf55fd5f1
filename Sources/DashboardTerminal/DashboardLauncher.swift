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
    /// Runs the dashboard on the calling (main) thread until the operator quits or the terminal goes
    /// away. Returns the process exit status; a failure is reported on stderr after the terminal is
    /// restored. `--demo` callers start the simulator first and pass a configuration that points at it.
    public static func run(configuration: ICWSClientConfiguration, options: DashboardLaunchOptions) -> Int32 {
        DashboardApp(configuration: configuration, options: options).run()
    }
}
