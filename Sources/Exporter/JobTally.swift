import ICWSWire

/// The jobs the exporter follows on one server: the state of each of its newest `window` jobs,
/// and how many are in each state. Pure; the follower keeps one per server.
struct JobTally: Sendable {
    /// The most jobs kept; the oldest known are forgotten beyond it.
    let window: Int
    private var states: [String: String] = [:]
    /// Ids in the order they became known, oldest first (for forgetting beyond the window).
    private var order: [String] = []
    private var orderStart = 0
    private(set) var counts: [String: Int] = [:]

    init(window: Int) {
        self.window = max(1, window)
    }

    var count: Int { states.count }

    func knows(_ id: String) -> Bool { states[id] != nil }

    /// Jobs that have not ended: the set worth watching.
    var unendedIds: [String] {
        let ended = Set(JobState.known.filter(\.hasEnded).map(MetricCatalogue.stateLabel))
        return order[orderStart...].filter { id in states[id].map { !ended.contains($0) } ?? false }
    }

    /// What the tally reads of a status. A listing keeps this of each job it walks, not the whole
    /// status (names, folders, times): a 10,000-job walk held 4 MB of statuses per server.
    struct Seen: Sendable {
        let id: String
        let state: JobState?

        init(_ status: JobStatus) {
            id = status.id
            state = status.state
        }
    }

    /// Records each status (a job's state never goes back: an older status arriving late is
    /// ignored); returns whether any count changed.
    @discardableResult
    mutating func apply(_ statuses: some Sequence<Seen>) -> Bool {
        var changed = false
        for status in statuses {
            guard let state = status.state else { continue }
            let label = MetricCatalogue.stateLabel(state)
            if let old = states[status.id] {
                guard old != label, !(JobState(word: old).map(state.goesBack(from:)) ?? false) else { continue }
                counts[old, default: 0] -= 1
            } else {
                order.append(status.id)
            }
            states[status.id] = label
            counts[label, default: 0] += 1
            changed = true
        }
        forgetBeyondWindow()
        return changed
    }

    private mutating func forgetBeyondWindow() {
        while states.count > window, orderStart < order.count {
            let id = order[orderStart]
            orderStart += 1
            if let label = states.removeValue(forKey: id) { counts[label, default: 0] -= 1 }
        }
        if orderStart > 4096, orderStart * 2 > order.count {
            order.removeFirst(orderStart)
            orderStart = 0
        }
    }
}
