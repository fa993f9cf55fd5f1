/// The faults set on one listener, read by every request.
actor ListenerFaults {
    private(set) var faults = SimulatorFaults()

    func set(_ faults: SimulatorFaults) { self.faults = faults }

    /// True when this session request must fail with a 500 (and counts it down).
    func consumeFailure() -> Bool {
        guard faults.failNextRequests > 0 else { return false }
        faults.failNextRequests -= 1
        return true
    }
}
