/// When the selected job's configuration is fetched, so that holding `j` across 1,000 jobs sends
/// about two requests, not 1,000.
///
/// The first move after the selection has rested fetches at once (the detail fills in one round
/// trip) and starts a one-shot timer of `restTime`. Until that timer runs out with no move in
/// between, the operator is travelling: no fetch, and the timer is started again while the
/// selection keeps moving (nothing ticks at rest). When it runs out with no move, the selection
/// has rested and the selected job's configuration is fetched. At most one is in flight.
struct ConfigRest: Equatable, Sendable {
    static let restTime: Duration = .milliseconds(150)

    /// Counts selection moves.
    private var moves = 0
    /// A move not yet looked at by `next`.
    private var moved = false
    /// The move count when the running timer was started; nil: no timer is running.
    private var timerStartedAt: Int?
    /// The selection has not moved for a whole `restTime` (or ever).
    private(set) var rested = true

    var timerRunning: Bool { timerStartedAt != nil }

    /// The selection is being moved for the operator (the history loading keeps it on the oldest
    /// job): the next fetch waits for a rest, as when the operator travels.
    mutating func travel() { rested = false }

    mutating func selectionMoved() {
        moves += 1
        moved = true
    }

    /// What to do now, given whether a configuration is in flight and whether the selected job
    /// needs one.
    mutating func next(fetching: Bool, needed: Bool) -> (fetch: Bool, startTimer: Bool) {
        let fetch = rested && needed && !fetching
        if moved {
            moved = false
            rested = false
        }
        guard !rested, timerStartedAt == nil else { return (fetch, false) }
        timerStartedAt = moves
        return (fetch, true)
    }

    /// The timer ran out: if the selection did not move since it started, it has rested.
    mutating func timerFired() {
        guard let started = timerStartedAt else { return }
        timerStartedAt = nil
        if started == moves { rested = true }
    }
}
