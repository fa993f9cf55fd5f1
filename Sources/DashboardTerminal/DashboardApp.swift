import Foundation
import DashboardKit
import DashboardRuntime
import Dispatch
import ICWSClient
import ICWSWire

/// The curses side of the dashboard: traps the signals, sets the terminal up, runs the runtime on
/// it with a job service per configured server, and restores the terminal on every way out.
enum DashboardApp {
    static func run(servers: [DashboardServer], options: DashboardLaunchOptions) -> DashboardOutcome {
        let signals = SignalTrap(SignalTrap.dashboardSignals)
        defer { signals.cancel() }

        let screen: CursesScreen
        do {
            screen = try CursesScreen(noColor: options.noColor, mouse: options.mouse)
        } catch {
            return .terminalFailed(String(describing: error))
        }
        let services: [any JobService]
        do {
            services = try servers.enumerated().map { index, server in
                ICWSJobService(session: try ICWSSession(configuration: server.configuration), context: ContextID(index),
                               logger: options.logger, history: server.history)
            }
        } catch {
            screen.end()
            return .failed(Failure(error))
        }

        let wake = PipeWake()
        let contexts = servers.map {
            ContextOptions(name: $0.name, server: $0.configuration.server.description, user: $0.configuration.credentials.user,
                           readOnly: $0.readOnly, color: $0.color)
        }
        var dashboardOptions = DashboardOptions(contexts: contexts, readOnly: options.readOnly,
                                                timeFormat: options.utc ? .utc : .local)
        dashboardOptions.views = options.views
        dashboardOptions.defaultView = options.defaultView
        dashboardOptions.keys = options.keys
        dashboardOptions.theme = options.theme
        dashboardOptions.mouse = options.mouse
        dashboardOptions.terminalEnvironment = ProcessInfo.processInfo.environment.filter { ["TERM", "TMUX", "STY"].contains($0.key) }
        let runtime = DashboardRuntime(
            options: dashboardOptions, display: CursesDisplay(screen: screen),
            service: services.count == 1 ? services[0] : ServiceFanOut(services), wake: wake)
        let post = runtime.poster
        let relay = Task {
            if let number = await signals.next() { post(.signal(number)) }
        }
        runtime.start()
        let outcome = runtime.run(input: CursesInput(screen: screen, wake: wake))
        relay.cancel()
        screen.end()
        // From here a second Ctrl-C or SIGTERM ends the process at once instead of waiting for logout.
        signals.cancel()
        waitBounded(seconds: 3) { [runtime = UncheckedRuntime(runtime)] in await runtime.value.stop() }
        return outcome
    }

    /// Runs async work from the (non-async) main thread, waiting at most `seconds`.
    private static func waitBounded(seconds: Double, _ work: @escaping @Sendable () async -> Void) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await work()
            done.signal()
        }
        _ = done.wait(timeout: .now() + seconds)
    }
}

/// The runtime handed to the logout task once the loop has ended (nothing else touches it then).
private struct UncheckedRuntime: @unchecked Sendable {
    let value: DashboardRuntime
    init(_ value: DashboardRuntime) { self.value = value }
}
