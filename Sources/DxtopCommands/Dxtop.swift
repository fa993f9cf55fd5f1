import ArgumentParser

/// `dxtop`: the dashboard (no subcommand), `dxtop jobs ...` for scripts, `dxtop simulate`.
public struct Dxtop: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dxtop",
        abstract: "Watch and manage PureConnect CIC Data Extractor jobs over ICWS.",
        discussion: """
            Without a subcommand, dxtop opens the dashboard. The password comes from ICWS_PASSWORD, \
            --password-stdin, a context's password-command, or a prompt on the terminal; never from the command line. \
            Exit statuses: 0 ok, 1 failure, 2 usage, 3 authentication, 4 permission denied, 130/143 interrupted by SIGINT/SIGTERM.
            """,
        version: DxtopVersion.current,
        subcommands: [JobsCommand.self, SeriesCommand.self, HistoryCommand.self, CoverageCommand.self, CacheCommand.self, DictionaryCommand.self, ConfigCommand.self,
                      DoctorCommand.self, KeysCommand.self, CompletionCommand.self, SimulateCommand.self, ExporterCommand.self])

    @OptionGroup public var global: GlobalOptions

    @Flag(name: .long, help: "Run the dashboard on a built-in simulator (no server or password needed).")
    public var demo = false

    @Flag(name: .long, help: "Dashboard without the cancel action.")
    public var readOnly = false

    @Flag(name: .long, help: "No colours (also when NO_COLOR is set).")
    public var noColor = false

    @Flag(name: .long, help: "Dashboard: click to select, wheel to scroll, click a footer key (as 'mouse: true' in the config).")
    public var mouse = false

    /// `--no-cache`, the same option group as the insight commands' (so theirs keeps working).
    @OptionGroup var cache: HistoryCacheOptions

    public init() {}

    public func run() throws {
        try DashboardEntry.run(self)
    }
}
