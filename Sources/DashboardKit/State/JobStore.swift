import ICWSWire

/// Every loaded job, stored by slot: a job keeps the slot it got when first loaded, so the
/// structures derived from the list (orders, positions, filter text) hold small integers instead
/// of 36-character keys, and one dictionary finds a key's slot.
public struct JobStore: Sendable {
    /// Slots are `Int32`: half the memory of `Int` in every per-row array, and 2 billion jobs.
    typealias Slot = Int32

    private var statuses: [JobStatus] = []
    private(set) var keys: [JobKey] = []
    private var slots: [JobKey: Slot] = [:]

    public var count: Int { statuses.count }
    public var isEmpty: Bool { statuses.isEmpty }

    public subscript(key: JobKey) -> JobStatus? {
        slots[key].map { statuses[Int($0)] }
    }

    subscript(slot: Slot) -> JobStatus { statuses[Int(slot)] }

    func key(_ slot: Slot) -> JobKey { keys[Int(slot)] }

    func slot(of key: JobKey) -> Slot? { slots[key] }

    /// Every stored status, in no particular order.
    var all: [JobStatus] { statuses }

    /// Stores `job` under `key`: a new key takes the next slot. Returns the slot and the status it replaced.
    mutating func put(_ job: JobStatus, key: JobKey) -> (slot: Slot, previous: JobStatus?) {
        if let slot = slots[key] {
            let previous = statuses[Int(slot)]
            statuses[Int(slot)] = job
            return (slot, previous)
        }
        let slot = Slot(statuses.count)
        statuses.append(job)
        keys.append(key)
        slots[key] = slot
        return (slot, nil)
    }
}
