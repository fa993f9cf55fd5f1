import ArgumentParser
import Foundation
import DashboardCache
import DashboardKit
import DashboardRuntime
import DisplayText
import DashboardTerminal
import ICWSSimulator

/// The root command's work: the dashboard on one server or several contexts (`--context` repeated,
/// `--all-contexts`), or on an embedded simulator (`--demo`).
/// Runs on the main thread: the dashboard's curses loop needs it.
enum DashboardEntry {
    static func run(_ command: Dxtop) throws {
        let noColor = command.noColor || !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        if command.demo {
            try runDemo(command, noColor: noColor)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let contexts = try ContextResolver(command.global, environment: environment).resolve(all: command.global.allContexts)
        let logger = try LoggingSetup.logger(logFile: command.global.logFile)
        contexts.forEach(CommandContext.warnIfInsecure)
        // Every password is asked for (once per user and server) before curses takes the terminal.
        let passwords = PasswordSource.passwords(for: contexts, environment: environment)
        let servers = try zip(contexts, passwords).map { context, password in
            do {
                return DashboardServer(configuration: context.configuration(password: try password.get(), logger: logger),
                                       name: context.name, readOnly: context.readOnly, color: context.color,
                                       history: command.cache.noCache ? nil : CachedHistoryStore(url: HistoryCacheFile.url(for: context), label: context.label, logger: logger))
            } catch let error as CLIError where contexts.count > 1 {
                throw CLIError("context '\(ConfigFile.visible(context.label))': " + error.message, status: error.status)
            }
        }
        // Every server read-only is a read-only dashboard; otherwise only those servers' jobs refuse a cancel.
        var options = DashboardLaunchOptions(readOnly: command.readOnly || contexts.allSatisfy(\.readOnly), noColor: noColor,
                                             utc: contexts.allSatisfy(\.utc), logger: logger)
        let settings = try ConfigLocation(option: command.global.config, environment: environment).load(printingWarnings: false).dashboard
        options.views = settings.views.map { SavedView(name: $0.name, filter: $0.filterText, columns: $0.columns, sort: $0.sort) }
        options.keys = settings.keys
        options.defaultView = settings.views.isEmpty ? nil : settings.views.firstIndex { $0.name == settings.defaultView } ?? 0
        apply(settings, mouseFlag: command.mouse, to: &options)
        try launch(servers, options)
    }

    /// The demo's embedded simulator: the series history (daily, weekly and monthly extracts over
    /// 70 days, a gap, an overlap, a failing streak, an overdue job), so every insight view has
    /// something to show, with new jobs arriving as in `dxtop simulate`.
    static var demoSimulator: SimulatorConfiguration {
        var configuration = SimulatorConfiguration.demo
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.seriesHistory = true
        return configuration
    }

    private static func runDemo(_ command: Dxtop, noColor: Bool) throws {
        let configuration = demoSimulator
        let simulator = ICWSSimulator(configuration: configuration)
        _ = try BlockingAsync.run { try await simulator.start() }
        defer { _ = try? BlockingAsync.run { await simulator.stop() } }
        guard let user = configuration.users.first(where: \.isAdministrator) ?? configuration.users.first else {
            throw CLIError.failure("the demo simulator has no users")
        }
        let context = try CommandContext(demoServer: simulator.baseURL, userID: user.userID, password: user.password,
                                         options: command.global)
        var options = DashboardLaunchOptions(readOnly: command.readOnly, noColor: noColor, utc: context.resolved.utc,
                                             logger: context.logger)
        // The demo looks and clicks as the dashboard would: the config file's theme and mouse.
        let settings = try ConfigLocation(option: command.global.config, environment: ProcessInfo.processInfo.environment)
            .load(printingWarnings: false).dashboard
        apply(settings, mouseFlag: command.mouse, to: &options)
        try launch([DashboardServer(configuration: context.configuration)], options)
    }

    /// The theme, the custom colours and the mouse of the config (`--mouse` turns it on too).
    private static func apply(_ settings: DashboardSettings, mouseFlag: Bool, to options: inout DashboardLaunchOptions) {
        options.theme = Theme(settings.theme, colors: settings.colors)
        options.mouse = mouseFlag || settings.mouse
    }

    private static func launch(_ servers: [DashboardServer], _ options: DashboardLaunchOptions) throws {
        let outcome = DashboardLauncher.run(servers: servers, options: options)
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
