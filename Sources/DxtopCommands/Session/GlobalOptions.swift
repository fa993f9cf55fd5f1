import ArgumentParser
import DisplayText
import Foundation

/// Options every command accepts: which config file and context, where the server is, who logs in, how to trust it, how to show
/// times, where to log. Declared on the root and on each subcommand, so they may be given before
/// or after the subcommand name.
///
/// There is deliberately no password option: see `PasswordArgumentGuard`.
public struct GlobalOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: ArgumentHelp(
        "The config file (default: $DXTOP_CONFIG, else $XDG_CONFIG_HOME/dxtop/config.yaml or ~/.config/dxtop/config.yaml).",
        valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
    public var config: String?

    @Option(name: .long, help: ArgumentHelp(
        "Use this context of the config file instead of its current-context (repeatable where a command takes several).",
        valueName: "name"), completion: .custom(ContextNameCompletion.names))
    public var context: [String] = []

    @Flag(name: .long, help: "Every context of the config file (the dashboard, jobs list, a bulk cancel or resubmit, the insight commands, the exporter; or repeat --context).")
    public var allContexts = false

    @Option(name: .long, help: ArgumentHelp(
        "ICWS server: a URL, or a bare host meaning https://HOST:8019 (default: $ICWS_SERVER).",
        valueName: "url"))
    public var server: String?

    @Option(name: .long, help: ArgumentHelp("CIC user id (default: $ICWS_USER).", valueName: "user"))
    public var user: String?

    @Flag(name: .long, help: "Read the password from the first line of standard input (otherwise $ICWS_PASSWORD, or a prompt on a terminal).")
    public var passwordStdin = false

    @Option(name: .long, help: ArgumentHelp("Trust the CA certificates in this PEM file for HTTPS.", valueName: "pem"))
    public var caFile: String?

    @Flag(name: .long, help: "Do not verify the server's TLS certificate (prints a warning).")
    public var insecure = false

    @Flag(name: .long, help: "Show times in UTC (default: the local time zone).")
    public var utc = false

    @Option(name: .long, help: ArgumentHelp("Write a log to this file (default: no log).", valueName: "path"))
    public var logFile: String?

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each server request (default: 10).", valueName: "seconds"))
    public var timeout: Double?

    public init() {}

    public func validate() throws {
        if let timeout, !Self.timeoutRange.contains(timeout) {
            throw ValidationError("--timeout must be between 0.1 and 3600 seconds")
        }
        if insecure, caFile != nil {
            throw ValidationError("--insecure and --ca-file cannot be used together: --insecure trusts any certificate")
        }
    }

    /// Accepted `--timeout` values in seconds (NaN is outside every range).
    static let timeoutRange: ClosedRange<Double> = 0.1...3600
}
