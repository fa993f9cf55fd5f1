import Foundation
import ICWSWire
import SlotTable

/// Every loaded job, stored by slot: a job keeps the slot it got when first loaded, so the
/// structures derived from the list (orders, positions, filter text) hold small integers instead
/// of 36-character keys, and a table of slots by the keys' hash finds a key's slot.
///
/// Compact: a status is kept as a fixed-size record (times as seconds, strings as ranges of one
/// `JobText`, where the strings that repeat are kept once) instead of a `JobStatus` with up to six
/// separately allocated strings, and rebuilt when asked for (the rows on screen, a sort). An output
/// folder holding the job's id is kept as the parts before and after it, which repeat. A replaced
/// status reuses the bytes of its strings that did not change; the strings are packed again when
/// the dead bytes outgrow the live ones.
public struct JobStore: Sendable {
    typealias Slot = SlotTable.Slot

    private var records: [Record] = []
    private var text = JobText()
    private(set) var keys: [JobKey] = []
    /// Slots by the hash of their key.
    private var table = SlotTable()

    public var count: Int { records.count }
    public var isEmpty: Bool { records.isEmpty }

    public subscript(key: JobKey) -> JobStatus? {
        slot(of: key).map { self[$0] }
    }

    subscript(slot: Slot) -> JobStatus { status(records[Int(slot)], id: keys[Int(slot)].id) }

    func key(_ slot: Slot) -> JobKey { keys[Int(slot)] }

    /// Bytes of the strings kept, live and dead.
    var textBytes: Int { text.count }

    /// `slot`'s state, without rebuilding its status.
    func knownState(_ slot: Slot) -> JobState { records[Int(slot)].state ?? .unknown(-1) }

    /// `slot`'s submission time, without rebuilding its status.
    func submitTime(_ slot: Slot) -> Date? {
        let seconds = records[Int(slot)].times.0
        return seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds)
    }

    /// `slot`'s status with its name, state and times but none of its other text: what a chart of
    /// hundreds of jobs reads (rebuilding five strings a job was most of the timeline's keys).
    func nameStateAndTimes(_ slot: Slot) -> JobStatus { status(records[Int(slot)], id: keys[Int(slot)].id, allText: false) }

    func context(_ slot: Slot) -> ContextID { keys[Int(slot)].context }

    func slot(of key: JobKey) -> Slot? {
        table.find(hash: key.hashValue) { keys[Int($0)] == key }
    }

    /// Every stored status, in slot order.
    var all: [JobStatus] { records.indices.map { self[Slot($0)] } }

    /// Stores `job` under `key`: a new key takes the next slot. Returns the slot and the status it replaced.
    mutating func put(_ job: JobStatus, key: JobKey) -> (slot: Slot, previous: JobStatus?) {
        if let slot = slot(of: key) {
            let old = records[Int(slot)]
            let previous = status(old, id: key.id)
            records[Int(slot)] = record(job, reusing: old)
            if text.deadBytes > text.count / 2 { repack() }
            return (slot, previous)
        }
        let slot = Slot(records.count)
        records.append(record(job, reusing: nil))
        keys.append(key)
        let keys = keys
        table.insert(slot, hash: key.hashValue) { keys[Int($0)].hashValue }
        return (slot, nil)
    }

    private struct Record: Sendable {
        var name, user, cancelUser, errorInfo: TextRange
        /// The output folder, or the part of it before the job's id when it holds the id.
        var folder: TextRange
        /// The part of the output folder after the job's id; `.none` when it does not hold the id.
        var folderAfterId: TextRange
        /// `submittedUserSiteId` and the state's raw value, `absent` for none: an optional `Int`
        /// takes 16 bytes in a record, these 8 (a decoded number has at most 18 digits).
        var siteIdOrAbsent: Int
        var stateOrAbsent: Int
        static let absent = Int.min

        var siteId: Int? { siteIdOrAbsent == Self.absent ? nil : siteIdOrAbsent }
        var state: JobState? { stateOrAbsent == Self.absent ? nil : JobState(rawValue: stateOrAbsent) }
        /// submit, queued, started, finished, failed, canceled, state changed: `timeIntervalSinceReferenceDate` (exact), NaN for none.
        var times: (Double, Double, Double, Double, Double, Double, Double)
    }

    /// The bytes a job's record takes in the store.
    static var recordStride: Int { MemoryLayout<Record>.stride }

    private mutating func record(_ job: JobStatus, reusing old: Record?) -> Record {
        func time(_ date: Date?) -> Double { date?.timeIntervalSinceReferenceDate ?? .nan }
        func store(_ string: String?, _ old: TextRange?) -> TextRange { text.store(string, replacing: old ?? .none) }
        let folder = storeFolder(job.outputFolder, id: job.id, old: old)
        return Record(name: store(job.name, old?.name), user: store(job.submittedUserId, old?.user),
                      cancelUser: store(job.cancelUserId, old?.cancelUser), errorInfo: store(job.errorInfo, old?.errorInfo),
                      folder: folder.before, folderAfterId: folder.after, siteIdOrAbsent: job.submittedUserSiteId ?? Record.absent,
                      stateOrAbsent: job.state?.rawValue ?? Record.absent,
                      times: (time(job.submitTime), time(job.queuedTime), time(job.startedTime), time(job.finishedTime),
                              time(job.failedTime), time(job.canceledTime), time(job.stateChangedTime)))
    }

    /// The output folder as the parts before and after the job's id (`after` is `.none` when it
    /// does not hold the id), found byte for byte.
    private mutating func storeFolder(_ folder: String?, id: String, old: Record?) -> (before: TextRange, after: TextRange) {
        let (oldBefore, oldAfter) = (old?.folder ?? .none, old?.folderAfterId ?? .none)
        guard var folder else { return (text.store(nil as String?, replacing: oldBefore), text.store(nil as String?, replacing: oldAfter)) }
        var id = id
        return folder.withUTF8 { whole in
            id.withUTF8 { id in
                guard let at = ByteSearch.firstOffset(of: UnsafeRawBufferPointer(id), in: UnsafeRawBufferPointer(whole), to: whole.count) else {
                    return (text.store(whole, replacing: oldBefore), text.store(nil as String?, replacing: oldAfter))
                }
                return (text.store(UnsafeBufferPointer(rebasing: whole[..<at]), replacing: oldBefore),
                        text.store(UnsafeBufferPointer(rebasing: whole[(at + id.count)...]), replacing: oldAfter))
            }
        }
    }

    private func folder(_ record: Record, id: String) -> String? {
        guard let before = text.string(record.folder) else { return nil }
        guard let after = text.string(record.folderAfterId) else { return before }
        return before + id + after
    }

    /// `allText: false`: the name only (the user empty, the other strings nil).
    private func status(_ record: Record, id: String, allText: Bool = true) -> JobStatus {
        func date(_ seconds: Double) -> Date? { seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds) }
        func text(_ range: TextRange) -> String? { allText ? self.text.string(range) : nil }
        let t = record.times
        return JobStatus(id: id, name: self.text.string(record.name) ?? "", submittedUserId: text(record.user) ?? "",
                         submittedUserSiteId: record.siteId, state: record.state, submitTime: date(t.0), queuedTime: date(t.1),
                         startedTime: date(t.2), finishedTime: date(t.3), failedTime: date(t.4), canceledTime: date(t.5),
                         stateChangedTime: date(t.6), cancelUserId: text(record.cancelUser),
                         outputFolder: allText ? folder(record, id: id) : nil, errorInfo: text(record.errorInfo))
    }

    /// Stores the live strings again in a new buffer.
    private mutating func repack() {
        let old = text
        text = JobText()
        for index in records.indices {
            var record = records[index]
            record.name = text.copy(record.name, from: old)
            record.user = text.copy(record.user, from: old)
            record.cancelUser = text.copy(record.cancelUser, from: old)
            record.errorInfo = text.copy(record.errorInfo, from: old)
            record.folder = text.copy(record.folder, from: old)
            record.folderAfterId = text.copy(record.folderAfterId, from: old)
            records[index] = record
        }
    }
}
