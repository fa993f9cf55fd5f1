import ArgumentParser
import DashboardRuntime
import Exporter
import Foundation

/// `dxtop exporter`: follows every chosen server like the dashboard and serves what it holds as
/// Prometheus metrics on `GET /metrics` (or writes them to `DIR/dxtop.prom` with `--textfile`).
struct ExporterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exporter",
        abstract: "Serve the Data Extractor jobs of every chosen server as Prometheus metrics.",
        discussion: """
            Follows each context (--context NAME, repeatable, or --all-contexts) the way the dashboard does and serves \
            GET /metrics (Prometheus text, or OpenMetrics when asked) from what it holds: a scrape never waits on a server. \
            /metrics has no authentication: keep it on loopback unless the network is trusted. Passwords come from each \
            context's password-command or ICWS_PASSWORD, never from the command line. Each server's history cache (the \
            insight commands' file, under $XDG_CACHE_HOME/dxtop) makes a restart read only what is new. SIGTERM or SIGINT \
            logs out of every server and ends with status 0. See docs/exporter.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Address and port to serve /metrics on.", valueName: "host:port"))
    var listen = ListenAddress.defaultText

    @Option(name: .long, help: ArgumentHelp(
        "Write DIR/dxtop.prom for node_exporter's textfile collector instead of serving.", valueName: "dir"),
        completion: .directory)
    var textfile: String?

    @Option(name: .long, help: ArgumentHelp("Seconds between two writes of the textfile (default: 15).", valueName: "seconds"))
    var textfileInterval: Double = 15

    @Option(name: .long, help: ArgumentHelp("Newest jobs followed per server (default: 1000).", valueName: "count"))
    var jobs = 1000

    @OptionGroup var cache: HistoryCacheOptions

    func validate() throws {
        guard (1...1_000_000).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 1000000") }
        guard (0.1...3600).contains(textfileInterval) else {
            throw ValidationError("--textfile-interval must be between 0.1 and 3600 seconds")
        }
    }

    func run() throws {
        let address = try ListenAddress(parsing: listen)
        let logins = try ContextLogins(global)
        let servers = try zip(logins.contexts, logins.passwords).map { context, password in
            do {
                let configuration = context.configuration(password: try password.get(), logger: logins.logger)
                let history = self.cache.noCache ? nil : HistoryCacheFile.open(for: context, without: "following the server without it")
                return ExportedServer(context: context.label, configuration: configuration, cache: history)
            } catch let error as CLIError where logins.contexts.count > 1 {
                throw CLIError("context '\(ConfigFile.visible(context.label))': " + error.message, status: error.status)
            }
        }
        var options = Exporter.Options()
        options.window = jobs
        let exporter = try Exporter(servers: servers, version: DxtopVersion.number, options: options,
                                    note: { StandardStreams.note($0) })
        let destination: ExporterDestination = textfile.map {
            .textfile(Textfile(directory: $0), every: .milliseconds(Int64(textfileInterval * 1000)))
        } ?? .listener(address)
        let trap = SignalTrap()
        defer { trap.cancel() }
        try BlockingAsync.run {
            try await ExporterRun(exporter: exporter, destination: destination).run(until: { _ = await trap.next() })
        }
    }
}
