import ArgumentParser
import ProcessMemory

/// What `dxtop`'s main.swift runs: refuse `--password`, parse, refuse dashboard flags given with a
/// subcommand, run, and map every outcome to an exit status (docs/cli.md).
public enum CommandLineEntry {
    /// The dashboard-only flags of the root command.
    static let dashboardFlags = ["--demo", "--read-only", "--no-color", "--mouse"]

    /// Runs the command line `arguments` (without the program name); returns the exit status.
    public static func run(_ arguments: [String]) -> Int32 {
        StandardStreams.ignoreBrokenPipeSignal()
        ProcessMemory.mapLargeBlocksApart()
        do {
            try PasswordArgumentGuard.check(arguments)
            var command: any ParsableCommand
            do {
                command = try Dxtop.parseAsRoot(arguments)
            } catch {
                guard Dxtop.exitCode(for: error) == .validationFailure,
                      let suggestion = CommandSuggestion.message(for: arguments) else { throw error }
                throw CLIError.usage(suggestion)
            }
            if !(command is Dxtop) { try rejectDashboardFlags(arguments, subcommand: command) }
            try command.run()
            return StandardStreams.outputWasClosed ? StandardOutputClosed.exitStatus : ExitStatus.ok.rawValue
        } catch {
            return FailureReport.exitStatus(for: error)
        }
    }

    /// ArgumentParser lets the root's flags appear anywhere and then ignores them when a
    /// subcommand runs; say so instead of silently doing something else than asked.
    static func rejectDashboardFlags(_ arguments: [String], subcommand: any ParsableCommand) throws {
        let beforeTerminator = arguments.prefix { $0 != "--" }
        guard let flag = beforeTerminator.first(where: dashboardFlags.contains) else { return }
        let name = type(of: subcommand).configuration.commandName ?? "this command"
        throw CLIError.usage("\(flag) is a dashboard option; it cannot be used with '\(name)' (see 'dxtop --help')")
    }
}
