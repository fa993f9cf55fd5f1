import Foundation
import ICWSWire
import SlotTable

/// Every loaded job, stored by slot: a job keeps the slot it got when first loaded, so the
/// structures derived from the list (orders, positions, filter text) hold small integers instead
/// of 36-character keys, and a table of slots by the keys' hash finds a key's slot.
///
/// Compact: a status is kept as a fixed-size record (times as seconds, strings as ranges of one
/// shared UTF-8 buffer) instead of a `JobStatus` with up to six separately allocated strings, and
/// rebuilt when asked for (the rows on screen, a sort). A replaced status reuses the bytes of its
/// strings that did not change; the buffer is repacked when its dead part outgrows the live one.
public struct JobStore: Sendable {
    typealias Slot = SlotTable.Slot

    private var records: [Record] = []
    private var text: [UInt8] = []
    private var deadBytes = 0
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
            if deadBytes > text.count / 2 { repack() }
            return (slot, previous)
        }
        let slot = Slot(records.count)
        records.append(record(job, reusing: nil))
        keys.append(key)
        let keys = keys
        table.insert(slot, hash: key.hashValue) { keys[Int($0)].hashValue }
        return (slot, nil)
    }

    /// A string as a range of `text`; `length == .max` is nil.
    private struct TextRange: Equatable, Sendable {
        var start: UInt32
        var length: UInt32
        static let none = TextRange(start: 0, length: .max)
    }

    private struct Record: Sendable {
        var name, user, cancelUser, outputFolder, errorInfo: TextRange
        var siteId: Int?
        var state: JobState?
        /// submit, queued, started, finished, failed, canceled, state changed: `timeIntervalSinceReferenceDate` (exact), NaN for none.
        var times: (Double, Double, Double, Double, Double, Double, Double)
    }

    private mutating func record(_ job: JobStatus, reusing old: Record?) -> Record {
        func time(_ date: Date?) -> Double { date?.timeIntervalSinceReferenceDate ?? .nan }
        return Record(name: store(job.name, old?.name), user: store(job.submittedUserId, old?.user),
                      cancelUser: store(job.cancelUserId, old?.cancelUser), outputFolder: store(job.outputFolder, old?.outputFolder),
                      errorInfo: store(job.errorInfo, old?.errorInfo), siteId: job.submittedUserSiteId, state: job.state,
                      times: (time(job.submitTime), time(job.queuedTime), time(job.startedTime), time(job.finishedTime),
                              time(job.failedTime), time(job.canceledTime), time(job.stateChangedTime)))
    }

    /// The range holding `string`: `old` when it holds the same bytes, else appended.
    private mutating func store(_ string: String?, _ old: TextRange?) -> TextRange {
        guard var utf8 = string else {
            if let old, old != .none { deadBytes += Int(old.length) }
            return .none
        }
        return utf8.withUTF8 { bytes in
            if let old, old != .none {
                if Int(old.length) == bytes.count, text[Int(old.start)..<Int(old.start) + bytes.count].elementsEqual(bytes) { return old }
                deadBytes += Int(old.length)
            }
            let range = TextRange(start: UInt32(text.count), length: UInt32(bytes.count))
            text.append(contentsOf: bytes)
            return range
        }
    }

    private func string(_ range: TextRange) -> String? {
        guard range != .none else { return nil }
        return text.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(range.start)..<Int(range.start + range.length)]), as: UTF8.self)
        }
    }

    /// `allText: false`: the name only (the user empty, the other strings nil).
    private func status(_ record: Record, id: String, allText: Bool = true) -> JobStatus {
        func date(_ seconds: Double) -> Date? { seconds.isNaN ? nil : Date(timeIntervalSinceReferenceDate: seconds) }
        func text(_ range: TextRange) -> String? { allText ? string(range) : nil }
        let t = record.times
        return JobStatus(id: id, name: string(record.name) ?? "", submittedUserId: text(record.user) ?? "",
                         submittedUserSiteId: record.siteId, state: record.state, submitTime: date(t.0), queuedTime: date(t.1),
                         startedTime: date(t.2), finishedTime: date(t.3), failedTime: date(t.4), canceledTime: date(t.5),
                         stateChangedTime: date(t.6), cancelUserId: text(record.cancelUser),
                         outputFolder: text(record.outputFolder), errorInfo: text(record.errorInfo))
    }

    /// Copies the live strings into a new buffer.
    private mutating func repack() {
        let old = text
        text = []
        text.reserveCapacity(old.count - deadBytes)
        func move(_ range: TextRange) -> TextRange {
            guard range != .none else { return .none }
            let moved = TextRange(start: UInt32(text.count), length: range.length)
            text.append(contentsOf: old[Int(range.start)..<Int(range.start + range.length)])
            return moved
        }
        for index in records.indices {
            var record = records[index]
            record.name = move(record.name)
            record.user = move(record.user)
            record.cancelUser = move(record.cancelUser)
            record.outputFolder = move(record.outputFolder)
            record.errorInfo = move(record.errorInfo)
            records[index] = record
        }
        deadBytes = 0
    }
}
