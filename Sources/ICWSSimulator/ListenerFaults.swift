/// The faults set on one listener, read by every request.
actor ListenerFaults {
    private(set) var faults = SimulatorFaults()
    /// Job lists answered since the faults were set.
    private var jobListsServed = 0

    func set(_ faults: SimulatorFaults) {
        self.faults = faults
        jobListsServed = 0
    }

    /// True when this job list must fail with a 500 (`failJobListsAfter`); counts it.
    func consumeJobListFailure() -> Bool {
        defer { jobListsServed += 1 }
        return faults.failJobListsAfter.map { jobListsServed >= $0 } ?? false
    }

    /// True when this session request must fail with a 500 (and counts it down).
    func consumeFailure() -> Bool {
        guard faults.failNextRequests > 0 else { return false }
        faults.failNextRequests -= 1
        return true
    }
}
