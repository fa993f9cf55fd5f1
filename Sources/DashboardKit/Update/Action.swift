import Foundation
import ICWSWire

/// Everything that can change the dashboard: keys, resizes, and results the effect runner reports.
/// What a server reports names its context (one server: `.first`, the default).
public enum Action: Sendable {
    case key(Key)
    /// The runtime read its clock before a key: what the key does counts from this time (the
    /// composer's "today"), however long the dashboard sat idle.
    case clockRead(Date)
    case resize(width: Int, height: Int)
    case sessionStarted(context: ContextID = .first, user: SessionUser, server: String)
    /// A page of the job list, newest first. `olderThan` nil is the newest page. `warnings`: what the
    /// lenient decoding dropped or replaced (the status line shows how many, and the first).
    /// `configs`: the configurations that came with the page (by job id), for the run history.
    case pageLoaded(context: ContextID = .first, jobs: [JobStatus], olderThan: String?, requested: Int, at: Date,
                    warnings: [String] = [], configs: [String: JobConfig] = [:])
    case pageFailed(context: ContextID = .first, olderThan: String?, failure: Failure, at: Date)
    /// The ended jobs of a server's history cache, brought up to date with the server, with their
    /// configurations (by job id): merged as older pages are. `complete`: they are the server's
    /// whole history, so no older page is asked for.
    case historyRestored(context: ContextID = .first, jobs: [JobStatus], configs: [String: JobConfig], complete: Bool)
    /// The history cache of a server cannot be used, or was rebuilt (one line): the dashboard
    /// goes on with what it reads from the server.
    case historyCacheWarning(context: ContextID = .first, String)
    case configLoaded(id: JobKey, config: JobConfig)
    case configFailed(id: JobKey, failure: Failure)
    /// Statuses from the job-status feed as a message brought them: full, or deltas (`isDelta`)
    /// that the job index merges into the statuses it holds.
    case statusesReceived(context: ContextID = .first, [JobStatus], isDelta: Bool = false, at: Date)
    case cancelSucceeded(id: JobKey)
    /// The server refused or failed the cancel (`FailureKind.alreadyEnded` when the job had ended).
    case cancelFailed(id: JobKey, failure: Failure)
    case connectionChanged(context: ContextID = .first, ConnectionStatus, at: Date)
    case dictionaryLoaded(context: ContextID = .first, DataDictionary, at: Date)
    /// `FailureKind.featureMissing` when the server has no data dictionary.
    case dictionaryFailed(context: ContextID = .first, Failure)
    /// The answer to a request of the screen `ScreenID` (an effect that carried it), for it alone.
    case screenReply(ScreenID, ScreenReply)
    /// The runner's light periodic check of a server's newest page.
    case refreshDue(context: ContextID = .first)
    /// The runner's periodic probe asked a server for its single newest job (`jobCount=1`) and it
    /// is `newestId` (nil: the server has none). Its newest page is fetched only when that job is
    /// not listed yet.
    case newestChecked(context: ContextID = .first, newestId: String?)
    /// A timer asked for with `Effect.startTimer` ran out.
    case timerFired(DashboardTimer)
}

extension Action {
    /// True for an action that changes nothing on screen unless it asks for work: the idle check's
    /// answer when the newest job is already listed. The runtime draws no frame for it, so a quiet
    /// dashboard writes nothing to the terminal (elapsed times move on with the next real change).
    public var drawsOnlyWithEffects: Bool {
        if case .newestChecked = self { true } else { false }
    }
}
