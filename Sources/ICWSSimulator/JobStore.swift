import Foundation
import ICWSWire

/// Every job the server knows, newest first by numeric id.
struct JobStore: Sendable {
    private(set) var records: [String: JobRecord] = [:]
    /// Ids, newest (highest) first.
    private(set) var idsNewestFirst: [String] = []
    private var nextNumericId = 1001

    init(_ seeded: [JobRecord] = []) {
        for record in seeded { insert(record) }
    }

    subscript(id: String) -> JobRecord? { records[id] }

    var count: Int { records.count }

    /// Up to `count` jobs older than `fromJobId` (all jobs when nil), newest first.
    func page(fromJobId: Int?, count: Int) -> [JobRecord] {
        var page: [JobRecord] = []
        for id in idsNewestFirst where page.count < count {
            guard let record = records[id] else { continue }
            if let fromJobId, record.numericId >= fromJobId { continue }
            page.append(record)
        }
        return page
    }

    /// Stores a new job under the next id and returns that id.
    mutating func add(config: JobConfig, submittedBy userID: String, siteId: Int, plan: JobPlan,
                      at now: Date, speed: Double) -> String {
        let id = String(nextNumericId)
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
        guard var record = records[id], let delta = record.advance(at: now, speed: speed) else { return nil }
        records[id] = record
        return delta
    }

    /// Cancels a job by the REST rules: unknown → notFound; ended → alreadyEnded; someone else's job
    /// without administrator rights → forbidden.
    mutating func cancel(id: String, by userID: String, isAdministrator: Bool, at now: Date) -> Result<JobStatus, JobCancelRefusal> {
        guard var record = records[id] else { return .failure(.notFound(id)) }
        guard record.state.isCancelable else { return .failure(.alreadyEnded(id, record.state)) }
        guard isAdministrator || record.status.submittedUserId == userID else { return .failure(.forbidden) }
        let delta = record.cancel(at: now, by: userID)
        records[id] = record
        return .success(delta)
    }

    /// Ids of jobs whose next step is due at or before `now`, oldest first.
    func due(at now: Date) -> [String] {
        idsNewestFirst.reversed().filter { id in records[id]?.dueAt.map { $0 <= now } ?? false }
    }

    /// The earliest moment a job is due to move, if any.
    var nextDue: Date? { records.values.compactMap(\.dueAt).min() }

    private mutating func insert(_ record: JobRecord) {
        records[record.status.id] = record
        let numericId = record.numericId
        let position = idsNewestFirst.firstIndex { (Int($0) ?? 0) < numericId } ?? idsNewestFirst.endIndex
        idsNewestFirst.insert(record.status.id, at: position)
        nextNumericId = max(nextNumericId, numericId + 1)
    }
}
