import ArgumentParser
import Foundation
import DashboardRuntime
import DisplayText
import DashboardTerminal
import ICWSSimulator

/// The root command's work: the dashboard on a server, or on an embedded simulator (`--demo`).
/// Runs on the main thread: the dashboard's curses loop needs it.
enum DashboardEntry {
    static func run(_ command: Dxtop) throws {
        let noColor = command.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        if command.demo {
            try runDemo(command, noColor: noColor)
            return
        }
        let context = try CommandContext(command.global)
        try launch(context, command, noColor: noColor)
    }

    private static func runDemo(_ command: Dxtop, noColor: Bool) throws {
        var configuration = SimulatorConfiguration.demo
        configuration.host = "127.0.0.1"
        configuration.port = 0
        let simulator = ICWSSimulator(configuration: configuration)
        _ = try BlockingAsync.run { try await simulator.start() }
        defer { _ = try? BlockingAsync.run { await simulator.stop() } }
        guard let user = configuration.users.first(where: \.isAdministrator) ?? configuration.users.first else {
            throw CLIError.failure("the demo simulator has no users")
        }
        let context = try CommandContext(demoServer: simulator.baseURL, userID: user.userID, password: user.password,
                                         options: command.global)
        try launch(context, command, noColor: noColor)
    }

    private static func launch(_ context: CommandContext, _ command: Dxtop, noColor: Bool) throws {
        let options = DashboardLaunchOptions(readOnly: command.readOnly || context.resolved.readOnly, noColor: noColor,
                                             utc: context.resolved.utc,
                                             logger: context.logger)
        let outcome = DashboardLauncher.run(configuration: context.configuration, options: options)
        if let status = report(outcome) { throw ExitCode(status) }
    }

    /// Says why the dashboard ended (the terminal is restored by now) and returns the exit status,
    /// nil for 0.
    static func report(_ outcome: DashboardOutcome) -> Int32? {
        switch outcome {
        case .quit:
            return nil
        case .signal(let number):
            return 128 + number
        case .hangup:
            return 128 + SignalTrap.hangupSignal
        case .terminalFailed(let reason):
            StandardStreams.note(OneLine.safe(reason))
            return ExitStatus.usage.rawValue
        case .failed(let failure):
            StandardStreams.note(OneLine.safe(failure.message))
            return ExitStatus(failure.kind).rawValue
        }
    }
}
