import Foundation
import ICWSWire

/// Every job the server knows, newest first in the order they were added. Ids are GUIDs (as a
/// real server's `JobID UNIQUEIDENTIFIER`), written lowercase; lookups ignore case.
struct JobStore: Sendable {
    private(set) var records: [String: JobRecord] = [:]
    /// Ids, newest first.
    private(set) var idsNewestFirst: [String] = []
    /// The simulator's seed: the ids of submitted jobs follow from it too.
    private let seed: UInt64

    init(seed: UInt64, seeded: [JobRecord] = []) {
        self.seed = seed
        for record in seeded { insert(record) }
    }

    subscript(id: String) -> JobRecord? { records[id.lowercased()] }

    var count: Int { records.count }

    /// Up to `count` jobs older than `fromJobId` (the newest jobs when nil), newest first. An id the
    /// store does not know gives an empty page.
    func page(fromJobId: String?, count: Int) -> [JobRecord] {
        var start = idsNewestFirst.startIndex
        if let fromJobId {
            guard let index = idsNewestFirst.firstIndex(of: fromJobId.lowercased()) else { return [] }
            start = index + 1
        }
        return idsNewestFirst[start...].prefix(count).compactMap { records[$0] }
    }

    /// Stores a new job under the next id and returns that id.
    mutating func add(config: JobConfig, submittedBy userID: String, siteId: Int, plan: JobPlan,
                      at now: Date, speed: Double) -> String {
        var rng = JobId.generator(seed: seed, index: count)
        var id = JobId.make(using: &rng)
        while records[id] != nil { id = JobId.make(using: &rng) }
        var config = config
        config.id = id
        config.submittedUserId = userID
        let status = JobStatus(id: id, name: config.name, submittedUserId: userID, submittedUserSiteId: siteId,
                               state: .submitted, submitTime: now, stateChangedTime: now)
        var record = JobRecord(status: status, config: config, plan: plan, dueAt: nil)
        record.schedule(from: now, speed: speed)
        insert(record)
        return id
    }

    /// Moves one job a step; nil when unknown or ended.
    mutating func advance(id: String, at now: Date, speed: Double) -> JobStatus? {
        guard var record = self[id], let delta = record.advance(at: now, speed: speed) else { return nil }
        records[record.status.id] = record
        return delta
    }

    /// Cancels a job by the REST rules: unknown → notFound; ended → alreadyEnded; someone else's job
    /// without administrator rights → forbidden.
    mutating func cancel(id: String, by userID: String, isAdministrator: Bool, at now: Date) -> Result<JobStatus, JobCancelRefusal> {
        guard var record = self[id] else { return .failure(.notFound(id)) }
        guard record.state.isCancelable else { return .failure(.alreadyEnded(record.status.id, record.state)) }
        guard isAdministrator || record.status.submittedUserId == userID else { return .failure(.forbidden) }
        let delta = record.cancel(at: now, by: userID)
        records[record.status.id] = record
        return .success(delta)
    }

    /// Ids of jobs whose next step is due at or before `now`, oldest first.
    func due(at now: Date) -> [String] {
        idsNewestFirst.reversed().filter { id in records[id]?.dueAt.map { $0 <= now } ?? false }
    }

    /// The earliest moment a job is due to move, if any.
    var nextDue: Date? { records.values.compactMap(\.dueAt).min() }

    /// Adds a record as the newest job.
    private mutating func insert(_ record: JobRecord) {
        let id = record.status.id.lowercased()
        if records.updateValue(record, forKey: id) == nil { idsNewestFirst.insert(id, at: 0) }
    }
}

/// Job ids as a real server issues them: GUIDs, 36 characters. The simulator draws them from its
/// seed, so one seed gives the same ids every run.
enum JobId {
    /// A version-4 GUID from `rng`, lowercase (`3f2b…-…`).
    static func make(using rng: inout SeededRandom) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for half in 0..<2 {
            let word = rng.next()
            for i in 0..<8 { bytes[half * 8 + i] = UInt8(truncatingIfNeeded: word >> (8 * UInt64(i))) }
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                               bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        return uuid.uuidString.lowercased()
    }

    /// The generator for the `index`th job the simulator creates (seeded or submitted).
    static func generator(seed: UInt64, index: Int) -> SeededRandom {
        SeededRandom(seed: seed, stream: 0x1D_0000_0000 &+ UInt64(index))
    }
}
