import CNcursesw
import DashboardKit
import DisplayText
import Dispatch
import Foundation
import ICWSClient
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's input loop: one thread (the main one) owns the state and the terminal.
///
/// Keys, resizes, network results and signals all become actions for the pure update function;
/// its effects go to the runner, which works off the loop. The loop sleeps in `poll` on the
/// terminal and the mailbox's wake pipe, so an idle dashboard spends no CPU and writes nothing.
final class DashboardApp {
    private let configuration: ICWSClientConfiguration
    private let options: DashboardLaunchOptions
    private let mailbox = Mailbox<AppEvent>()

    init(configuration: ICWSClientConfiguration, options: DashboardLaunchOptions) {
        self.configuration = configuration
        self.options = options
    }

    func run() -> Int32 {
        let signals = SignalWatcher { [mailbox] number in mailbox.post(.signal(number)) }
        defer { signals.cancel() }

        let screen: CursesScreen
        do {
            screen = try CursesScreen(noColor: options.noColor)
        } catch {
            FileHandle.standardError.write(Data("dxtop: \(error)\n".utf8))
            return 2
        }

        let session: ICWSSession
        do {
            session = try ICWSSession(configuration: configuration)
        } catch {
            screen.end()
            FileHandle.standardError.write(Data("dxtop: \(error)\n".utf8))
            return 1
        }
        let runner = EffectRunner(session: session, mailbox: mailbox, logger: options.logger)
        let outcome = loop(screen: screen, runner: runner)
        screen.end()
        // From here a second Ctrl-C or SIGTERM ends the process at once instead of waiting for logout.
        signals.cancel()
        Self.waitBounded(seconds: 3) { await runner.stop() }
        if let message = outcome.message {
            FileHandle.standardError.write(Data("dxtop: \(TerminalSafe.clean(message))\n".utf8))
        }
        return outcome.status
    }

    private struct Outcome {
        var status: Int32
        var message: String?
    }

    private func loop(screen: CursesScreen, runner: EffectRunner) -> Outcome {
        let size = screen.size
        let dashboardOptions = DashboardOptions(
            readOnly: options.readOnly, timeFormat: options.utc ? .utc : .local,
            server: configuration.server.description, user: configuration.credentials.user)
        var state = DashboardState(options: dashboardOptions, width: size.width, height: size.height)
        let surface = CursesSurface(width: size.width, height: size.height, unicode: screen.unicode, colors: screen.colors)
        let glyphs: Glyphs = screen.unicode ? .unicode : .ascii

        func draw() {
            DashboardView.render(state, on: surface, options: RenderOptions(glyphs: glyphs, color: screen.colors, now: Date()))
            surface.present()
        }

        /// Applies one action; true when the dashboard should quit.
        func apply(_ action: Action) -> Bool {
            var quit = false
            for effect in update(&state, action) {
                if effect == .quit { quit = true } else { runner.perform(effect) }
            }
            return quit
        }

        runner.start()
        for effect in initialEffects(state) { runner.perform(effect) }
        draw()

        var emptyWakeups = 0
        while true {
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: mailbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, -1)
            if ready < 0, errno != EINTR { return Outcome(status: 1, message: "waiting for input failed: errno \(errno)") }

            var changed = false
            let inputs = KeyReader.readAvailable()
            for input in inputs {
                switch input {
                case .key(let key):
                    if key == .ctrlL { screen.repaintAll() }
                    if apply(.key(key)) { return Outcome(status: 0) }
                    changed = true
                case .resize:
                    let size = screen.size
                    surface.resize(width: size.width, height: size.height)
                    if apply(.resize(width: size.width, height: size.height)) { return Outcome(status: 0) }
                    changed = true
                case .ignored:
                    break
                }
            }

            // A terminal that went away (SSH drop) stays readable with nothing to read: leave
            // instead of spinning.
            let hangup = Int16(POLLHUP | POLLERR | POLLNVAL)
            if fds[0].revents & hangup != 0 { return Outcome(status: 129) }
            if ready > 0, fds[0].revents & Int16(POLLIN) != 0, inputs.isEmpty, Self.bytesWaiting(STDIN_FILENO) == 0 {
                emptyWakeups += 1
                if emptyWakeups >= 3 { return Outcome(status: 129) }
            } else {
                emptyWakeups = 0
            }

            for event in mailbox.drain() {
                switch event {
                case .action(let action):
                    if apply(action) { return Outcome(status: 0) }
                    changed = true
                case .fatal(let message, let status):
                    return Outcome(status: status, message: message)
                case .signal(let number):
                    return Outcome(status: number == SIGINT ? 0 : 128 + number)
                }
            }

            if changed { draw() }
        }
    }

    private static func bytesWaiting(_ fd: Int32) -> Int32 {
        var count: Int32 = 0
        return ioctl(fd, UInt(FIONREAD), &count) == 0 ? count : -1
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
