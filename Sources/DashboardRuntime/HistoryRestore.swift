import DashboardKit
import ICWSWire
import Logging

extension ICWSJobService {
    /// The start's read of the history store (off the loop, once the first page is answered, so
    /// the first paint is as quick as without a store): its warning, then its jobs, one action a
    /// slice, so the loop answers keys between two slices (it merges at most one a step).
    /// A store that fails says so once; the dashboard goes on with the pages it reads, as
    /// without a store.
    func restore(_ history: any HistoryStore, _ post: @Sendable (RuntimeEvent) -> Void) async {
        if let warning = history.warning { warn(warning, post) }
        for await _ in firstPageAnswered {}
        if Task.isCancelled { return }
        do {
            try await history.restore(reading: session) { restored in
                post(.action(.historyRestored(context: context, jobs: restored.jobs, configs: restored.configs,
                                              complete: restored.complete)))
            }
        } catch {
            if Task.isCancelled { return }
            warn("warning: history cache not read (\(Failure(error).message)); the history comes from the server", post)
        }
    }

    private func warn(_ warning: String, _ post: @Sendable (RuntimeEvent) -> Void) {
        logger.warning("\(warning)")
        post(.action(.historyCacheWarning(context: context, warning)))
    }
}
