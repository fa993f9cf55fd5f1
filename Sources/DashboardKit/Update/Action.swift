import Foundation
import ICWSWire

/// Everything that can change the dashboard: keys, resizes, and results the effect runner reports.
public enum Action: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case sessionStarted(user: String, server: String)
    /// A page of the job list, newest first. `olderThan` nil is the newest page.
    case pageLoaded(jobs: [JobStatus], olderThan: String?, requested: Int, at: Date)
    case pageFailed(olderThan: String?, failure: Failure, at: Date)
    case configLoaded(id: String, config: JobConfig)
    case configFailed(id: String, failure: Failure)
    /// Full statuses (deltas already merged) from the job-status feed.
    case statusesReceived([JobStatus], at: Date)
    case cancelSucceeded(id: String)
    /// The server refused or failed the cancel (`FailureKind.alreadyEnded` when the job had ended).
    case cancelFailed(id: String, failure: Failure)
    case connectionChanged(ConnectionStatus, at: Date)
    case dictionaryLoaded(DataDictionary, at: Date)
    /// `FailureKind.featureMissing` when the server has no data dictionary.
    case dictionaryFailed(Failure)
    /// The server took a submitted job and gave it this id.
    case jobSubmitted(id: String)
    case submitFailed(Failure)
    /// The runner's light periodic check of the newest page.
    case refreshDue
}
