import Foundation
import ICWSWire

/// State changes of one job, each returning the `isDelta: true` status that describes it.
extension JobRecord {
    /// The state the engine moves this job to next, or nil when it has ended.
    var nextState: JobState? {
        switch state {
        case .submitted: .queued
        case .queued: .started
        case .started: plan.failure == nil ? .finished : .failed
        default: nil
        }
    }

    /// Moves the job one step along its plan at `now`; `speed` schedules the step after.
    /// Returns the delta, or nil when the job has already ended.
    mutating func advance(at now: Date, speed: Double) -> JobStatus? {
        guard let next = nextState else { return nil }
        var delta = deltaHeader()
        status.state = next
        status.stateChangedTime = now
        delta.state = next
        delta.stateChangedTime = now
        switch next {
        case .queued:
            status.queuedTime = now
            delta.queuedTime = now
        case .started:
            status.startedTime = now
            status.outputFolder = Self.outputFolder(name: status.name, id: status.id)
            delta.startedTime = now
            delta.outputFolder = status.outputFolder
        case .finished:
            status.finishedTime = now
            delta.finishedTime = now
        case .failed:
            status.failedTime = now
            status.errorInfo = plan.failure
            delta.failedTime = now
            delta.errorInfo = plan.failure
        default:
            break
        }
        schedule(from: now, speed: speed)
        return delta
    }

    /// Cancels the job at `now` on behalf of `userID`; the caller has checked that it may.
    mutating func cancel(at now: Date, by userID: String) -> JobStatus {
        status.state = .canceled
        status.canceledTime = now
        status.stateChangedTime = now
        status.cancelUserId = userID
        dueAt = nil
        var delta = deltaHeader()
        delta.state = .canceled
        delta.canceledTime = now
        delta.stateChangedTime = now
        delta.cancelUserId = userID
        return delta
    }

    /// Sets `dueAt` for the step after the current state: the plan's duration divided by `speed`
    /// (no automatic step at speed 0 or once ended).
    mutating func schedule(from now: Date, speed: Double, elapsedFraction: Double = 0) {
        guard speed > 0, let seconds = plan.seconds(in: state) else {
            dueAt = nil
            return
        }
        dueAt = now.addingTimeInterval(seconds * (1 - elapsedFraction) / speed)
    }

    /// The fields every delta carries: id, name, submitter and site.
    private func deltaHeader() -> JobStatus {
        JobStatus(id: status.id, name: status.name, submittedUserId: status.submittedUserId,
                  submittedUserSiteId: status.submittedUserSiteId)
    }
}
