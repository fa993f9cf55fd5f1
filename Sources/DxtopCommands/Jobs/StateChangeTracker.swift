import Foundation
import ICWSWire

/// A job moved from one state to another (`jobs watch` prints one per line).
struct StateChange: Equatable, Sendable {
    /// When the server says the state changed, else when the change was seen.
    let time: Date
    let id: String
    let name: String
    let previous: JobState
    let current: JobState
}

/// Remembers the last known state of each watched job and turns incoming statuses into changes.
/// Pure: the watch command feeds it the initial page and every feed update.
struct StateChangeTracker: Sendable {
    private(set) var states: [String: JobState] = [:]
    /// The jobs whose end ends the watch; empty means "watch until interrupted".
    let awaited: Set<String>

    init(initial: [JobStatus], awaited: Set<String>) {
        self.awaited = awaited
        for status in initial {
            // A job without a state gets one on its first update, recorded without a line.
            if let state = status.state { states[status.id] = state }
        }
    }

    /// Records `statuses`; returns a change for each job whose state differs from the last known
    /// one (jobs not watched before are recorded without a line).
    mutating func apply(_ statuses: [JobStatus], seenAt now: Date) -> [StateChange] {
        var changes: [StateChange] = []
        for status in statuses {
            guard let state = status.state else { continue }
            let previous = states[status.id]
            states[status.id] = state
            guard let previous, previous != state else { continue }
            changes.append(StateChange(time: status.stateChangedTime ?? now, id: status.id, name: status.name,
                                       previous: previous, current: state))
        }
        return changes
    }

    /// Every awaited job has reached an end state (false when nothing is awaited).
    var allAwaitedEnded: Bool {
        !awaited.isEmpty && awaited.allSatisfy { states[$0]?.hasEnded == true }
    }
}
