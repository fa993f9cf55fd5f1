import Foundation
import ICWSWire

/// Every job the server knows, in the order they were added (newest last). Ids are GUIDs (as a
/// real server's `JobID UNIQUEIDENTIFIER`), written lowercase; lookups ignore case.
///
/// Built for 100,000 jobs: a page is found by position (O(page)), a job by its id through a GUID
/// index (no scan), and the engine looks only at the jobs it has scheduled.
struct JobStore: Sendable {
    /// Oldest first, so a new job is an append.
    private var records: [JobRecord] = []
    /// Position in `records` of each id (GUIDs compare without case).
    private var positions: [UUID: Int] = [:]
    /// Positions of the jobs with a `dueAt`.
    private var scheduled: Set<Int> = []
    /// The simulator's seed: the ids of submitted jobs follow from it too.
    private let seed: UInt64

    init(seed: UInt64, seeded: [JobRecord] = []) {
        self.seed = seed
        records.reserveCapacity(seeded.count)
        positions.reserveCapacity(seeded.count)
        for record in seeded { insert(record) }
    }

    subscript(id: String) -> JobRecord? { position(of: id).map { records[$0] } }

    var count: Int { records.count }

    /// Up to `count` jobs older than `fromJobId` (the newest jobs when nil), newest first. An id the
    /// store does not know gives an empty page.
    func page(fromJobId: String?, count: Int) -> [JobRecord] {
        records[pageRange(fromJobId: fromJobId, count: count)].reversed()
    }

    /// The jobs of `page(fromJobId:count:)` as a job list in `mode` writes each: a job's status
    /// (`{"jobStatus":{…}}`) is encoded the first time it is listed and kept until it changes, so
    /// paging through the history again costs copies, not encoding; a configuration, which is most
    /// of a job's size and rarely listed, is written each time.
    mutating func entries(fromJobId: String?, count: Int, mode: JobsResponseMode) -> [Data] {
        let range = pageRange(fromJobId: fromJobId, count: count)
        var entries: [Data] = []
        entries.reserveCapacity(range.count)
        for position in range.reversed() {
            let statusEntry = records[position].listEntry ?? JobEntryJSON.status(records[position].status)
            records[position].listEntry = statusEntry
            entries.append(mode == .status ? statusEntry
                           : JobEntryJSON.entry(config: records[position].config, statusEntry: statusEntry, mode: mode))
        }
        return entries
    }

    private func pageRange(fromJobId: String?, count: Int) -> Range<Int> {
        var end = records.endIndex
        if let fromJobId {
            guard let position = position(of: fromJobId) else { return records.startIndex..<records.startIndex }
            end = position
        }
        return max(records.startIndex, end - max(0, count))..<end
    }

    /// Ids of up to `limit` jobs that have not ended, newest first.
    func activeIds(limit: Int) -> [String] {
        var ids: [String] = []
        for record in records.reversed() where !record.state.hasEnded {
            guard ids.count < limit else { break }
            ids.append(record.status.id)
        }
        return ids
    }

    /// Stores a new job under the next id and returns that id.
    mutating func add(config: JobConfig, submittedBy userID: String, siteId: Int, plan: JobPlan,
                      at now: Date, speed: Double) -> String {
        var rng = JobId.generator(seed: seed, index: count)
        var id = JobId.make(using: &rng)
        while position(of: id) != nil { id = JobId.make(using: &rng) }
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
        guard let position = position(of: id) else { return nil }
        var record = records[position]
        guard let delta = record.advance(at: now, speed: speed) else { return nil }
        replace(at: position, with: record)
        return delta
    }

    /// Cancels a job by the REST rules: unknown → notFound; ended → alreadyEnded; someone else's job
    /// without administrator rights → forbidden.
    mutating func cancel(id: String, by userID: String, isAdministrator: Bool, at now: Date) -> Result<JobStatus, JobCancelRefusal> {
        guard let position = position(of: id) else { return .failure(.notFound(id)) }
        var record = records[position]
        guard record.state.isCancelable else { return .failure(.alreadyEnded(record.status.id, record.state)) }
        guard isAdministrator || record.status.submittedUserId == userID else { return .failure(.forbidden) }
        let delta = record.cancel(at: now, by: userID)
        replace(at: position, with: record)
        return .success(delta)
    }

    /// Ids of jobs whose next step is due at or before `now`, oldest first.
    func due(at now: Date) -> [String] {
        scheduled.filter { records[$0].dueAt.map { $0 <= now } ?? false }.sorted().map { records[$0].status.id }
    }

    /// The earliest moment a job is due to move, if any.
    var nextDue: Date? { scheduled.compactMap { records[$0].dueAt }.min() }

    private func position(of id: String) -> Int? {
        UUID(uuidString: id).flatMap { positions[$0] }
    }

    private mutating func replace(at position: Int, with record: JobRecord) {
        records[position] = record
        if record.dueAt == nil { scheduled.remove(position) } else { scheduled.insert(position) }
    }

    /// Adds a record as the newest job (a record with an id already stored replaces it).
    private mutating func insert(_ record: JobRecord) {
        guard let key = UUID(uuidString: record.status.id) else { return }
        if let position = positions[key] {
            replace(at: position, with: record)
            return
        }
        positions[key] = records.endIndex
        records.append(record)
        if record.dueAt != nil { scheduled.insert(records.endIndex - 1) }
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
