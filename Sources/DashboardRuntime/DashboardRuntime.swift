import DashboardKit
import Foundation
import ICWSClient
import ProcessMemory
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
/// Frames, not events: what arrives in a burst is applied together and drawn at most once per
/// `frameInterval` — after a draw, a change from the mailbox waits for the interval's end (one
/// one-shot timer wakes the loop then; none runs at rest). A key or resize is drawn at once
/// unless a frame is already waiting. The effects of one step go out together, their `watch`es
/// as one (the jobs they add, together), so a burst sends at most one subscription.
///
/// The terminal drives it with `run(input:)`; the pilot calls `step(_:)` and waits on the wake.
public final class DashboardRuntime {
    /// The shortest time between two frames (at most 59 a second).
    public static let frameInterval: Duration = .milliseconds(17)

    public private(set) var state: DashboardState
    private let display: any Display
    private let service: any JobService
    /// Stamps keys and frames; the one-shot timers (the next frame of a burst, a selection's rest) wait on it.
    private let clock: any TimerClock
    private let mailbox: Mailbox<RuntimeEvent>
    private let inFlight = EffectCount()
    /// Effects of the actions applied in this step, sent when the step ends.
    private var pendingEffects: [Effect] = []
    /// When the last frame was drawn.
    private var lastDrawAt: Date?
    /// Something changed that is not drawn yet.
    private var framePending = false
    /// The one-shot timer that wakes the loop for a waiting frame is running.
    private let frameTimerRunning = Flag()
    /// Frames drawn so far.
    public private(set) var framesDrawn = 0
    /// Jobs merged from pages (or the history cache) since freed memory was last handed back to the system.
    private var jobsPagedSinceTrim = 0
    /// The servers whose history cache's slices are being merged: no hand-back between two (each
    /// costs milliseconds at 100k jobs). A server's ends with its slice that says `complete` (the
    /// cache store restores only a whole history), or with its warning when the restore failed.
    private var restoring: Set<ContextID> = []
    /// How many paged jobs make handing freed memory back worth its few milliseconds: a walk's
    /// pages of 1,000, not a refresh of the newest 50.
    static let jobsWorthATrim = 1000

    /// Hands freed memory back to the system (a walk's end); the tests count the calls.
    private let returnFreedMemory: () -> Void

    public init(options: DashboardOptions, display: any Display, service: any JobService, wake: any WakeSignal,
                clock: any TimerClock = SystemClock(), returnFreedMemory: @escaping () -> Void = ProcessMemory.returnFreedPages) {
        state = DashboardState(options: options, width: display.surface.width, height: display.surface.height)
        self.display = display
        self.service = service
        self.clock = clock
        self.returnFreedMemory = returnFreedMemory
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
        draw(at: clock.now())
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
        let frameWasWaiting = framePending
        var changed = false
        let outcome = consume(inputs, changed: &changed)
        if let outcome {
            sendPendingEffects()
            return outcome
        }
        if changed { framePending = true }
        if framePending {
            let typed = inputs.contains { if case .key = $0 { true } else if case .resize = $0 { true } else { false } }
            drawWhenDue(now: typed && !frameWasWaiting)
        }
        // The frame goes out before the requests it asked for start, so a key's answer never
        // waits for the CPU a request (and, on loopback, the server) takes.
        sendPendingEffects()
        returnFreedMemoryWhenIdle()
        return nil
    }

    /// Once pages have been merged and nothing is in flight (a walk's end, not between its pages),
    /// hands what decoding them freed back to the system: otherwise the resident memory stays at
    /// the walk's peak.
    private func returnFreedMemoryWhenIdle() {
        guard jobsPagedSinceTrim >= Self.jobsWorthATrim, inFlight.value == 0, mailbox.isEmpty, restoring.isEmpty else { return }
        jobsPagedSinceTrim = 0
        returnFreedMemory()
    }

    private func consume(_ inputs: [TerminalEvent], changed: inout Bool) -> DashboardOutcome? {
        for input in inputs {
            switch input {
            case .key(let key):
                changed = true
                // What a key does may depend on the time ("today" in the composer), and idle
                // checks leave the state's clock where it was: the key brings it up to date.
                _ = apply(.clockRead(clock.now()))
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
        // A restored slice of the history cache is the last thing a step merges: a key typed
        // meanwhile is answered before the next slice.
        for event in mailbox.drain(through: Self.isRestoredSlice) {
            switch event {
            case .action(let action):
                switch action {
                case .pageLoaded(_, let jobs, _, _, _, _, _): jobsPagedSinceTrim += jobs.count
                case .historyRestored(let context, let jobs, _, let complete):
                    jobsPagedSinceTrim += jobs.count
                    if complete { restoring.remove(context) } else { restoring.insert(context) }
                case .historyCacheWarning(let context, _):
                    // A restore that failed part way sends no complete slice.
                    restoring.remove(context)
                default: break
                }
                let asked = pendingEffects.count
                if apply(action) { return .quit }
                if !action.drawsOnlyWithEffects || pendingEffects.count > asked { changed = true }
            case .fatal(let failure):
                return .failed(failure)
            case .signal(let number):
                return number == SIGINT ? .quit : .signal(number)
            }
        }
        return nil
    }

    private static func isRestoredSlice(_ event: RuntimeEvent) -> Bool {
        if case .action(.historyRestored) = event { true } else { false }
    }

    /// No request or timer is running (a background timer does not count), nothing waits in the mailbox, and every change is drawn.
    public var isQuiet: Bool { inFlight.value == 0 && mailbox.isEmpty && !framePending }

    /// A change is applied but not drawn yet (its frame waits for the frame interval).
    public var frameIsWaiting: Bool { framePending }

    /// Stops the service (its tasks, then the logout).
    public func stop() async {
        await service.stop()
    }

    /// Applies one action, keeping its effects for the end of the step; true when the dashboard should quit.
    private func apply(_ action: Action) -> Bool {
        var quit = false
        for effect in update(&state, action) {
            switch effect {
            case .quit: quit = true
            case .repaintAll: display.repaintAll()
            case .writeToTerminal(let bytes): display.writeAfterFrame(bytes)
            default: pendingEffects.append(effect)
            }
        }
        return quit
    }

    /// Sends the step's effects; its `watch`es as one, where the last of them was.
    private func sendPendingEffects() {
        let joining = pendingEffects.flatMap { effect -> [JobKey] in if case .watch(let keys) = effect { keys } else { [] } }
        let lastWatch = pendingEffects.lastIndex { if case .watch = $0 { true } else { false } }
        for (index, effect) in pendingEffects.enumerated() {
            if case .watch = effect {
                if index == lastWatch { perform(.watch(adding: joining)) }
            } else {
                perform(effect)
            }
        }
        pendingEffects.removeAll(keepingCapacity: true)
    }

    private func perform(_ effect: Effect) {
        let (service, mailbox, inFlight, clock) = (service, mailbox, inFlight, clock)
        let counted = if case .startTimer(let timer, _) = effect { !timer.isBackground } else { true }
        if counted { inFlight.add(1) }
        Task {
            if case .startTimer(let timer, let delay) = effect {
                if (try? await clock.sleep(for: delay)) != nil { mailbox.post(.action(.timerFired(timer))) }
            } else if let action = await service.perform(effect) {
                mailbox.post(.action(action))
            }
            if counted { inFlight.add(-1) }
            // Whoever waits for quiet looks again.
            mailbox.wake.signal()
        }
    }

    /// Draws now when asked to or when the last frame is at least `frameInterval` old; otherwise
    /// starts the one timer that wakes the loop when it is.
    private func drawWhenDue(now immediately: Bool) {
        let now = clock.now()
        if !immediately, let last = lastDrawAt {
            let wait = Self.frameInterval - .seconds(now.timeIntervalSince(last))
            if wait > .zero {
                wakeForFrame(after: wait)
                return
            }
        }
        draw(at: now)
    }

    private func wakeForFrame(after wait: Duration) {
        guard frameTimerRunning.raise() else { return }
        let (clock, mailbox, running) = (clock, mailbox, frameTimerRunning)
        Task {
            try? await clock.sleep(for: wait)
            running.lower()
            mailbox.wake.signal()
        }
    }

    private func draw(at now: Date) {
        let choices = display.renderOptions
        DashboardView.render(state, on: display.surface,
                             options: RenderOptions(glyphs: choices.glyphs, color: choices.color, now: now))
        display.present()
        lastDrawAt = now
        framePending = false
        framesDrawn += 1
    }
}

/// Effects started and not yet reported back.
private final class EffectCount: Sendable {
    private let count = Mutex(0)
    func add(_ delta: Int) { count.withLock { $0 += delta } }
    var value: Int { count.withLock { $0 } }
}

/// A flag raised by one side and lowered by another.
private final class Flag: Sendable {
    private let value = Mutex(false)
    /// Raises it; false when it was already up.
    func raise() -> Bool { value.withLock { up in defer { up = true }; return !up } }
    func lower() { value.withLock { $0 = false } }
}
