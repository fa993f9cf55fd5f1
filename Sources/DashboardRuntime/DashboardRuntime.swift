import DashboardKit
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The dashboard's loop apart from any terminal: one thread owns the state; keys, resizes,
/// results and signals become actions for the pure update function; its effects run as tasks on
/// the job service and report back through the mailbox. Nothing on the loop waits on the
/// network, and nothing ticks: the loop sleeps until input or a posted event wakes it.
///
/// The terminal drives it with `run(input:)`; the pilot calls `step(_:)` and waits on the wake.
public final class DashboardRuntime {
    public private(set) var state: DashboardState
    private let display: any Display
    private let service: any JobService
    private let clock: any DashboardClock
    private let mailbox: Mailbox<RuntimeEvent>
    private let inFlight = EffectCount()
    /// Effects asked for by the actions of the step under way.
    private var requested: [Effect] = []

    public init(options: DashboardOptions, display: any Display, service: any JobService, wake: any WakeSignal,
                clock: any DashboardClock = SystemClock()) {
        state = DashboardState(options: options, width: display.surface.width, height: display.surface.height)
        self.display = display
        self.service = service
        self.clock = clock
        mailbox = Mailbox(wake: wake)
    }

    /// Hands events to the loop; safe from any thread (signal handlers, network tasks).
    public var poster: @Sendable (RuntimeEvent) -> Void {
        { [mailbox] event in mailbox.post(event) }
    }

    /// Starts the service and the first requests, and draws the first frame.
    public func start() {
        service.start(posting: poster)
        for effect in initialEffects(state) { perform(effect) }
        draw()
    }

    /// Runs until the dashboard ends; blocks the calling thread between events.
    public func run(input: any InputSource) -> DashboardOutcome {
        while true {
            if let outcome = step(input.waitForInput()) { return outcome }
        }
    }

    /// Applies `inputs`, then everything posted so far, and draws once if anything changed.
    /// Returns why the dashboard ends, when it does.
    public func step(_ inputs: [TerminalEvent]) -> DashboardOutcome? {
        var changed = false
        if let outcome = consume(inputs, changed: &changed) { return outcome }
        if changed { draw() }
        // The frame goes out before the requests it asked for start, so a key's answer never
        // waits for the CPU a request (and, on loopback, the server) takes.
        let effects = requested
        requested = []
        for effect in effects { perform(effect) }
        return nil
    }

    private func consume(_ inputs: [TerminalEvent], changed: inout Bool) -> DashboardOutcome? {
        for input in inputs {
            switch input {
            case .key(let key):
                changed = true
                if apply(.key(key)) { return .quit }
            case .resize(let width, let height):
                display.resize(width: width, height: height)
                changed = true
                if apply(.resize(width: width, height: height)) { return .quit }
            case .hangup:
                return .hangup
            case .failed(let reason):
                return .terminalFailed(reason)
            }
        }
        for event in mailbox.drain() {
            switch event {
            case .action(let action):
                changed = true
                if apply(action) { return .quit }
            case .fatal(let failure):
                return .failed(failure)
            case .signal(let number):
                return number == SIGINT ? .quit : .signal(number)
            }
        }
        return nil
    }

    /// No effect is running and nothing waits in the mailbox.
    public var isQuiet: Bool { inFlight.value == 0 && mailbox.isEmpty }

    /// Stops the service (its tasks, then the logout).
    public func stop() async {
        await service.stop()
    }

    /// Applies one action; true when the dashboard should quit. Its effects wait in `requested`
    /// until the step has drawn.
    private func apply(_ action: Action) -> Bool {
        var quit = false
        for effect in update(&state, action) {
            if effect == .quit { quit = true } else { requested.append(effect) }
        }
        return quit
    }

    private func perform(_ effect: Effect) {
        let (service, mailbox, inFlight) = (service, mailbox, inFlight)
        inFlight.add(1)
        Task {
            if let action = await service.perform(effect) { mailbox.post(.action(action)) }
            inFlight.add(-1)
            // Whoever waits for quiet looks again.
            mailbox.wake.signal()
        }
    }

    private func draw() {
        let choices = display.renderOptions
        DashboardView.render(state, on: display.surface,
                             options: RenderOptions(glyphs: choices.glyphs, color: choices.color, now: clock.now()))
        display.present()
    }
}

/// Effects started and not yet reported back.
private final class EffectCount: Sendable {
    private let count = Mutex(0)
    func add(_ delta: Int) { count.withLock { $0 += delta } }
    var value: Int { count.withLock { $0 } }
}
