import Foundation
import ICWSWire

/// The job engine: one task that sleeps until the next due transition, woken early when jobs change.
extension SimulatorCore {
    func startEngine() {
        guard engineTask == nil else { return }
        if let interval = configuration.newJobInterval, interval > 0, speed > 0 {
            nextArrival = Date().addingTimeInterval(interval / speed)
        }
        engineTask = Task { await self.runEngine() }
        sessionSweeper = Task { await self.expireIdleSessions() }
    }

    func stopEngine() async {
        let task = engineTask
        engineTask = nil
        task?.cancel()
        sleeper?.cancel()
        sessionSweeper?.cancel()
        sessionSweeper = nil
        await task?.value
    }

    /// Interrupts the engine's sleep so it recomputes the next due moment.
    func wakeEngine() { sleeper?.cancel() }

    private func runEngine() async {
        while !Task.isCancelled {
            fireDueTransitions(at: Date())
            let next = [store.nextDue, nextArrival].compactMap { $0 }.min()
            // Nothing due: sleep long; any change wakes us.
            let wait = next.map { max(0, $0.timeIntervalSinceNow) } ?? 3600
            let sleeper = Task<Void, Never> { _ = try? await Task.sleep(for: .seconds(wait)) }
            self.sleeper = sleeper
            await withTaskCancellationHandler { await sleeper.value } onCancel: { sleeper.cancel() }
            self.sleeper = nil
        }
    }

    private func fireDueTransitions(at now: Date) {
        for id in store.due(at: now) {
            if let delta = store.advance(id: id, at: now, speed: speed) { publish(delta) }
        }
        if let arrival = nextArrival, arrival <= now, let interval = configuration.newJobInterval {
            submitArrival(at: now)
            var rng = SeededRandom(seed: configuration.seed, stream: UInt64(20_000 + store.count))
            nextArrival = now.addingTimeInterval(interval * rng.seconds(0.5...1.5) / speed)
        }
    }

    /// Someone else submits a job (only with `newJobInterval`).
    private func submitArrival(at now: Date) {
        var rng = SeededRandom(seed: configuration.seed, stream: UInt64(30_000 + store.count))
        let (config, submitter) = SeedJobs.makeConfig(id: "", index: store.count, hostile: configuration.hostileData,
                                                      submitTime: now, using: &rng)
        let plan = SeedJobs.plan(hostile: configuration.hostileData, index: store.count, using: &rng)
        let id = store.add(config: config, submittedBy: submitter.userID, siteId: submitter.siteId, plan: plan, at: now, speed: speed)
        announceNewJob(id)
    }
}
