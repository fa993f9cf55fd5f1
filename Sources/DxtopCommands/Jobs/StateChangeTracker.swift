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

/// Remembers the last known status of each watched job and turns incoming statuses into changes.
/// Pure: the watch command feeds it the initial statuses, every feed update and the jobs the
/// server no longer knows.
struct StateChangeTracker: Sendable {
    /// The last known status of each watched job that has a state.
    private(set) var statuses: [String: JobStatus] = [:]
    /// Watched jobs the server no longer knows (answered "not found").
    private(set) var vanished: Set<String> = []
    /// The jobs whose end ends the watch; empty means "watch until interrupted".
    let awaited: Set<String>
    /// Every job watched, in the order given.
    let watched: [String]

    init(initial: [JobStatus], awaited: Set<String>) {
        self.awaited = awaited
        watched = initial.map(\.id)
        for status in initial where status.state != nil {
            // A job without a state gets one on its first update, recorded without a line.
            statuses[status.id] = status
        }
    }

    /// Records `statuses` (deltas, `isDelta`, merged into the last known ones: this map is the
    /// watch's one copy of them); returns a change for each job whose state differs from the last
    /// known one (jobs not watched before are recorded without a line). A status that would take a
    /// job back to an earlier state is stale and ignored (`JobStatus.applied(to:isDelta:)`).
    mutating func apply(_ incoming: [JobStatus], isDelta: Bool = false, seenAt now: Date) -> [StateChange] {
        var changes: [StateChange] = []
        for status in incoming {
            let previous = statuses[status.id]
            let status = status.applied(to: previous, isDelta: isDelta)
            guard let state = status.state, status != previous else { continue }
            statuses[status.id] = status
            guard let before = previous?.state, before != state else { continue }
            changes.append(StateChange(time: status.stateChangedTime ?? now, id: status.id, name: status.name,
                                       previous: before, current: state))
        }
        return changes
    }

    /// The server no longer knows job `id`: it counts as ended. True when it was not known so before.
    mutating func markVanished(_ id: String) -> Bool {
        vanished.insert(id).inserted
    }

    /// Watched jobs that may still change (not ended, not vanished): the ones to look up again.
    var unfinished: [String] {
        watched.filter { !vanished.contains($0) && statuses[$0]?.knownState.hasEnded != true }
    }

    /// Every awaited job has reached an end state or vanished (false when nothing is awaited).
    var allAwaitedEnded: Bool {
        !awaited.isEmpty && awaited.allSatisfy { vanished.contains($0) || statuses[$0]?.knownState.hasEnded == true }
    }

    /// The last known status of each awaited job, for `--exit-status`.
    var awaitedStatuses: [JobStatus] { awaited.compactMap { statuses[$0] } }
}
