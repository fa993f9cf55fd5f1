import ICWSWire
import Insight
import Synchronization

/// The insight model all followers file their jobs in (one model, a server per context), and which
/// series changed since the series metrics last read them. The model is never copied: the series
/// metrics read the changed series under the lock (`read`), so a refresh costs what changed, not
/// what is held.
final class InsightStore: Sendable {
    struct State: Sendable {
        var model: InsightModel
        /// Per context (the model's server), the series a recorded job belongs to since the last `read`.
        var changed: [String: Set<SeriesKey>] = [:]
    }

    private let state: Mutex<State>

    init(_ model: InsightModel) {
        state = Mutex(State(model: model))
    }

    /// Files status changes (jobs known with their configuration from a listing).
    func record(server: String, statuses: [JobStatus]) {
        state.withLock { state in
            for status in statuses {
                state.model.record(server: server, status: status, config: nil)
                state.noteChange(server: server, jobId: status.id)
            }
        }
    }

    /// Files a listed page, each job with its configuration.
    func record(server: String, jobs: [(status: JobStatus, config: JobConfig?)]) {
        state.withLock { state in
            state.model.record(contentsOf: jobs.lazy.map { (server, $0.status, $0.config) })
            for job in jobs { state.noteChange(server: server, jobId: job.status.id) }
        }
    }

    /// Runs `body` on the model and the changed series (which it may clear), under the lock.
    func read<T: Sendable>(_ body: (inout State) -> T) -> T {
        state.withLock { body(&$0) }
    }
}

extension InsightStore.State {
    fileprivate mutating func noteChange(server: String, jobId: String) {
        if let key = model.seriesKey(server: server, jobId: jobId) { changed[server, default: []].insert(key) }
    }
}
