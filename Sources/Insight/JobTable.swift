import Foundation
import JobComposition
import SlotTable

/// Every job the model has seen, by server and id: 48 bytes a job in two arrays, found through a
/// `SlotTable` (4 bytes a bucket). A `[JobRef: JobEntry]` took 56 bytes a bucket, and 100,000
/// jobs take 262,144 buckets: 14.7 MB, against about 6 MB here. Jobs are never removed.
struct JobTable: Sendable {
    private var refs: [JobRef] = []
    private var entries: [JobEntry] = []
    private var table = SlotTable()

    var count: Int { entries.count }
    /// Jobs it holds without growing.
    var capacity: Int { entries.capacity }

    /// Room for `capacity` jobs, grown at least twofold: a history handed over in slices reserves
    /// at every slice, and growing to the exact count each time copied every job at every slice.
    mutating func reserveCapacity(_ capacity: Int) {
        guard capacity > entries.capacity else { return }
        let grown = max(capacity, entries.capacity * 2)
        refs.reserveCapacity(grown)
        entries.reserveCapacity(grown)
    }

    subscript(ref: JobRef) -> JobEntry? {
        slot(of: ref).map { entries[Int($0)] }
    }

    /// Keeps `entry` for `ref`, replacing what was kept.
    mutating func set(_ entry: JobEntry, for ref: JobRef) {
        if let slot = slot(of: ref) {
            entries[Int(slot)] = entry
            return
        }
        let slot = SlotTable.Slot(entries.count)
        refs.append(ref)
        entries.append(entry)
        let refs = refs
        table.insert(slot, hash: ref.hashValue) { refs[Int($0)].hashValue }
    }

    private func slot(of ref: JobRef) -> SlotTable.Slot? {
        table.find(hash: ref.hashValue) { refs[Int($0)] == ref }
    }
}

struct JobRef: Hashable, Sendable {
    let server: Int
    let id: String
}

/// What the model keeps of every job, packed in 24 bytes (the window as two times, NaN for none).
struct JobEntry: Sendable {
    private let windowStart: Double
    private let windowEnd: Double
    /// -1: none.
    private let seriesIndex: Int32
    private let stepValue: Int8
    let ended: Bool

    init(series: Int?, step: Int?, ended: Bool, window: TimeWindow?) {
        windowStart = window?.start.timeIntervalSinceReferenceDate ?? .nan
        windowEnd = window?.end.timeIntervalSinceReferenceDate ?? .nan
        seriesIndex = series.map { Int32($0) } ?? -1
        stepValue = step.map { Int8($0) } ?? -1
        self.ended = ended
    }

    var window: TimeWindow? {
        windowStart.isNaN ? nil : TimeWindow(start: Date(timeIntervalSinceReferenceDate: windowStart),
                                             end: Date(timeIntervalSinceReferenceDate: windowEnd))
    }
    var series: Int? { seriesIndex < 0 ? nil : Int(seriesIndex) }
    var step: Int? { stepValue < 0 ? nil : Int(stepValue) }
}
