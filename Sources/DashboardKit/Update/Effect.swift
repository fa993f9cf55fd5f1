import ICWSWire

/// Work the update function asks the effect runner to do; each result comes back as an `Action`.
/// Each request names its server (a context, or a job's key), so the runner sends it there.
public enum Effect: Equatable, Sendable {
    case loadNewestPage(context: ContextID = .first, count: Int)
    /// `readAhead`: the history walk's page — the service may ask for the page after it at once,
    /// while this one is merged, and hand it out for the next `loadOlderPage` it matches.
    case loadOlderPage(context: ContextID = .first, olderThan: String, count: Int, readAhead: Bool = false)
    /// The history walk stopped: a page the service read ahead for it is not wanted.
    case dropReadAhead(context: ContextID = .first)
    case loadConfig(id: JobKey)
    /// `requester`: the screen that gets the answer (`ScreenReply.cancelSent`/`cancelRefused`, the
    /// bulk cancel); nil for the main screen (`Action.cancelSucceeded`/`cancelFailed`).
    case cancelJob(id: JobKey, requester: ScreenID? = nil)
    /// Jobs that joined the list before they ended: each server adds its own to the set its
    /// connection owner watches (the one watched set, `JobStatusFeed.watch(adding:)`).
    case watch(adding: [JobKey])
    /// A server's data dictionary (tables and views), once per session and server: the composer's
    /// target server's.
    case loadDictionary(context: ContextID = .first)
    /// Send a new job to a server: a composed one to the composer's target, a resubmitted one to
    /// its own job's server. The answer goes to `requester` (`Action.screenReply`).
    case submitJob(context: ContextID = .first, JobConfig, requester: ScreenID)
    /// Post `.timerFired(timer)` after `delay` (the runtime's one-shot timer: nothing ticks).
    case startTimer(DashboardTimer, after: Duration)
    /// Ctrl-L: the next frame redraws every cell (something else wrote on the terminal).
    case repaintAll
    /// Bytes for the terminal itself, written after the frame (the copy menu's OSC 52 sequence).
    case writeToTerminal([UInt8])
    case quit
}

/// What a one-shot timer the update function asked for is for.
public enum DashboardTimer: Equatable, Sendable {
    /// The selection has moved while a configuration was on its way: the selected job's
    /// configuration is fetched once the selection has stayed put for a whole `after`.
    case selectionRest
    /// The server accepted a cancel of the job: if the job has not ended once the timer fires, the
    /// dashboard stops marking it as being canceled and says so (a server may never end it).
    case cancelAccepted(JobKey)
    /// A second passed while a job that has not ended is on screen: the frame is drawn again, so
    /// its elapsed time moves (curses sends only the cells that changed). Started only while such
    /// a job is shown: with none, nothing ticks.
    case elapsedTick

    /// Not work the dashboard waits for (a guard against a server that never answers, the
    /// elapsed-time tick): being quiet (nothing in flight) does not wait for it.
    public var isBackground: Bool {
        switch self {
        case .cancelAccepted, .elapsedTick: true
        case .selectionRest: false
        }
    }
}

extension Effect {
    /// The server the effect goes to; nil for one that concerns every server (`watch`) or none.
    public var context: ContextID? {
        switch self {
        case .loadNewestPage(let context, _), .loadOlderPage(let context, _, _, _), .dropReadAhead(let context): context
        case .loadConfig(let key), .cancelJob(let key, _): key.context
        case .loadDictionary(let context), .submitJob(let context, _, _): context
        case .watch, .startTimer, .repaintAll, .writeToTerminal, .quit: nil
        }
    }
}
