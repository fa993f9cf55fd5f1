import ICWSWire

/// A screen over the main one (the job list and detail): the help, a dialog, the composer...
/// Each screen is one folder holding its state (the type conforming here), its bindings and key
/// contexts, and its view. The stack in `DashboardState` gives the keys to the top one and draws
/// them all, bottom first; any binding may push a screen, onto an empty stack or not.
///
/// The results of the requests a screen makes come back to that screen alone: an effect carries
/// the `ScreenID` it was pushed with, the runtime answers with `Action.screenReply(id, reply)`,
/// and `receive` of the screen with that id handles it (if the screen is gone, the main screen
/// says what happened: `DashboardState.unclaimedReply`).
protocol DashboardScreen: Sendable {
    /// The contexts its bindings work in; each names its section in the help and docs/keys.md.
    static var contexts: [KeyContext] { get }
    /// Its keys, in the order the help lists them.
    static var bindings: [Binding] { get }
    /// The context that gets the next key while it is on top.
    var keyContext: KeyContext { get }
    /// Draws it over the screens below (it gets the whole screen).
    func draw(_ state: DashboardState, on canvas: Canvas)
    /// The answer to a request it made, the screen being `id`. Closing itself: `state.close(id)`.
    mutating func receive(_ reply: ScreenReply, id: ScreenID, state: inout DashboardState) -> [Effect]
    /// The jobs changed (a page, a status): a screen showing a job can say what became of it.
    /// `state` has no screens while they are told (`screensSeeJobsChanged`).
    mutating func jobsChanged(_ state: DashboardState)
    /// A job's configuration came or failed (`state.configs[key]`): a screen showing it follows.
    mutating func configChanged(_ key: JobKey, state: DashboardState)
    /// It draws over the whole main screen but the status line and footer (which stay).
    var coversMainScreen: Bool { get }
}

extension DashboardScreen {
    mutating func receive(_ reply: ScreenReply, id: ScreenID, state: inout DashboardState) -> [Effect] {
        state.unclaimedReply(reply)
    }
    mutating func jobsChanged(_ state: DashboardState) {}
    mutating func configChanged(_ key: JobKey, state: DashboardState) {}
    var coversMainScreen: Bool { false }
}

/// A screen's identity on the stack, given when it is pushed: the address of the answers to the
/// requests it makes.
public struct ScreenID: Hashable, Sendable {
    let value: Int
}

/// The answer to a request a screen made, routed back to it (`Action.screenReply`).
public enum ScreenReply: Sendable {
    /// The server took a submitted job and gave it this id.
    case jobSubmitted(JobKey)
    /// The server refused the job, or could not be reached.
    case submitFailed(Failure)
    /// The server accepted the cancel of a job.
    case cancelSent(JobKey)
    /// The server refused the cancel (`FailureKind.alreadyEnded` when the job had ended), or could
    /// not be reached.
    case cancelRefused(JobKey, Failure)
}

/// One screen on the stack with its identity.
struct StackedScreen: Sendable {
    let id: ScreenID
    var screen: any DashboardScreen
}
