/// When the selected job's configuration is fetched, so that holding `j` across 1,000 jobs sends
/// about two requests, not 1,000.
///
/// A move after a rest fetches at once (the detail fills in one round trip). A move while a
/// configuration is on its way, or while the rest timer runs, means the operator is travelling:
/// the next fetch waits until the selection has stayed on one job for a whole `restTime`,
/// measured by a one-shot timer started again only while the selection keeps moving (nothing
/// ticks at rest). At most one configuration is in flight at a time.
struct ConfigRest: Equatable, Sendable {
    static let restTime: Duration = .milliseconds(150)

    /// Counts selection moves.
    private var moves = 0
    /// The move count when the running timer was started; nil: no timer is running.
    private var timerStartedAt: Int?
    /// The selection moved while a fetch was in flight or the timer ran.
    private(set) var travelling = false

    var timerRunning: Bool { timerStartedAt != nil }

    /// The selection is being moved for the operator (the history loading keeps it on the oldest
    /// job): the next fetch waits for a rest as if the operator were travelling.
    mutating func travel() { travelling = true }

    mutating func selectionMoved(fetching: Bool) {
        moves += 1
        if fetching || timerRunning { travelling = true }
    }

    /// What to do now, given whether a configuration is in flight and whether the selected job
    /// needs one.
    mutating func next(fetching: Bool, needed: Bool) -> Step {
        if fetching || timerRunning { return .wait }
        if travelling {
            timerStartedAt = moves
            return .startTimer
        }
        return needed ? .fetch : .wait
    }

    enum Step: Equatable { case fetch, startTimer, wait }

    /// The timer ran out: if the selection did not move since it started, the travel is over.
    mutating func timerFired() {
        guard let started = timerStartedAt else { return }
        timerStartedAt = nil
        if started == moves { travelling = false }
    }
}
