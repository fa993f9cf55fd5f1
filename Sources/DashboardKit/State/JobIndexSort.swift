import Foundation
import ICWSWire

extension JobIndex {
    /// `slots` in the current sort order; ties keep server order (the merged order). A reversed
    /// sort turns the jobs that have the value over, and those without it (no error, not started)
    /// stay last; by submission it is the merged order turned over (oldest first). Sort keys are computed once per job, so sorting
    /// 1000 jobs costs about a millisecond even in a debug build. `now`: running jobs' duration is
    /// measured to it.
    func sorted(_ slots: [Slot], now: Date?) -> [Slot] {
        let ordered: [Slot]
        switch sort.column {
        case .submitted, .usual, .eta, .runs:
            // The merged order is newest first already (the run-history columns do not sort).
            return sort.reversed ? slots.reversed() : slots
        case .state:
            ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(number: Double(Self.stateRank(job.knownState))) }
        case .context:
            // The order the header lists the servers in.
            ordered = stableSort(slots, reversed: sort.reversed) { _, context in SortKey(number: Double(context.index)) }
        case .name: ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(text: job.name.lowercased()) }
        case .id: ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(text: job.id.lowercased()) }
        case .user: ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(text: job.submittedUserId.lowercased()) }
        case .output: ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(text: job.outputFolder?.lowercased()) }
        case .error: ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(text: job.errorInfo?.lowercased()) }
        case .queued: ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(latestFirst: job.queuedTime) }
        case .started: ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(latestFirst: job.startedTime) }
        case .ended: ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(latestFirst: job.finishedTime ?? job.failedTime ?? job.canceledTime) }
        case .duration:
            // Longest first.
            let now = now ?? .distantPast
            ordered = stableSort(slots, reversed: sort.reversed) { job, _ in SortKey(number: -(job.duration(now: now) ?? -1)) }
        }
        return ordered
    }

    private func stableSort(_ slots: [Slot], reversed: Bool, key: (JobStatus, ContextID) -> SortKey) -> [Slot] {
        var keyed: [(slot: Slot, key: SortKey, position: Int)] = []
        keyed.reserveCapacity(slots.count)
        for (position, slot) in slots.enumerated() { keyed.append((slot, key(jobs[slot], jobs.context(slot)), position)) }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
        guard reversed else { return keyed.map(\.slot) }
        let present = keyed.prefix { !$0.key.missing }
        return present.reversed().map(\.slot) + keyed.dropFirst(present.count).map(\.slot)
    }

    /// Active jobs first (the ones an operator acts on), then failures, then the rest.
    private static func stateRank(_ state: JobState) -> Int {
        switch state {
        case .started: 0
        case .queued: 1
        case .submitted: 2
        case .failed: 3
        case .canceled: 4
        case .finished: 5
        case .unknown: 6
        }
    }
}

/// One job's place in a sort: jobs without the value (no error, not started yet) go last.
private struct SortKey: Comparable {
    var missing = false
    var number = 0.0
    var text = ""

    init(number: Double) { self.number = number }

    init(text: String) { self.text = text }

    /// An optional text: empty or absent sorts last.
    init(text: String?) {
        self.init(text: text ?? "")
        missing = self.text.isEmpty
    }

    /// A time, latest first; none sorts last.
    init(latestFirst date: Date?) {
        number = -(date?.timeIntervalSinceReferenceDate ?? 0)
        missing = date == nil
    }

    static func < (a: SortKey, b: SortKey) -> Bool {
        (a.missing ? 1 : 0, a.number, a.text) < (b.missing ? 1 : 0, b.number, b.text)
    }
}
