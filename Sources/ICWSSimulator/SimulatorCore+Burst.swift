import Foundation
import ICWSWire

/// Bursts of status changes, for measuring how a client copes with many at once.
extension SimulatorCore {
    /// Makes up to `changes` status changes spread evenly over `duration`, each moving one job
    /// that has not ended one step (as `advance(jobId:)` does, so subscribers get each delta as
    /// its own message). The jobs are the newest ones not ended when the burst starts, taken in
    /// turn; a job that has ended drops out. Returns how many changes were made (fewer when every
    /// job ended first).
    func burst(changes: Int, over duration: Duration) async -> Int {
        var pool = store.activeIds(limit: max(0, changes))
        let clock = ContinuousClock()
        let start = clock.now
        var made = 0
        var turn = 0
        while made < changes, !pool.isEmpty {
            let elapsed = clock.now - start
            let due = elapsed >= duration ? changes : min(changes, Int(Double(changes) * (elapsed / duration)))
            while made < due, !pool.isEmpty {
                let index = turn % pool.count
                if let delta = store.advance(id: pool[index], at: Date(), speed: speed) {
                    publish(delta)
                    made += 1
                    turn += 1
                } else {
                    pool.remove(at: index)
                }
            }
            // Pacing, not synchronisation: the next slice of the burst is due in 10 ms.
            if made < changes, !pool.isEmpty { try? await Task.sleep(for: .milliseconds(10)) }
        }
        wakeEngine()
        return made
    }
}
