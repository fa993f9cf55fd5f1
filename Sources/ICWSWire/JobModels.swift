import Foundation

/// `jobStatus`: where a data-extractor job is in its lifecycle.
///
/// The fact sheet marks `name`, `submittedUserId`, `id` and `submittedUserSiteId` required. Only `id`
/// is required here: a status without it cannot be tracked, while a missing name or site is shown
/// as blank rather than losing the whole list.
public struct JobStatus: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var submittedUserId: String
    public var submittedUserSiteId: Int?
    public var state: JobState?
    public var submitTime: Date?
    public var queuedTime: Date?
    public var startedTime: Date?
    public var finishedTime: Date?
    public var failedTime: Date?
    public var canceledTime: Date?
    public var stateChangedTime: Date?
    public var cancelUserId: String?
    public var outputFolder: String?
    public var errorInfo: String?

    public init(
        id: String, name: String, submittedUserId: String, submittedUserSiteId: Int? = nil,
        state: JobState? = nil, submitTime: Date? = nil, queuedTime: Date? = nil, startedTime: Date? = nil,
        finishedTime: Date? = nil, failedTime: Date? = nil, canceledTime: Date? = nil,
        stateChangedTime: Date? = nil, cancelUserId: String? = nil, outputFolder: String? = nil,
        errorInfo: String? = nil
    ) {
        self.id = id
        self.name = name
        self.submittedUserId = submittedUserId
        self.submittedUserSiteId = submittedUserSiteId
        self.state = state
        self.submitTime = submitTime
        self.queuedTime = queuedTime
        self.startedTime = startedTime
        self.finishedTime = finishedTime
        self.failedTime = failedTime
        self.canceledTime = canceledTime
        self.stateChangedTime = stateChangedTime
        self.cancelUserId = cancelUserId
        self.outputFolder = outputFolder
        self.errorInfo = errorInfo
    }

    enum CodingKeys: String, CodingKey {
        case id, name, submittedUserId, submittedUserSiteId, state, submitTime, queuedTime, startedTime,
             finishedTime, failedTime, canceledTime, stateChangedTime, cancelUserId, outputFolder, errorInfo
    }

    /// Only `id` must decode (a string, or a number the server wrote bare); any other field of the
    /// wrong type or with a bad value is left out with a warning, so one odd field keeps the job.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? c.decode(Int64.self, forKey: .id) {
            id = String(number)
        } else {
            id = try c.decode(String.self, forKey: .id)
        }
        let jobId = id
        // Named only in a warning: most jobs have none, and a page holds a thousand.
        func field<T: Decodable>(_ type: T.Type, _ key: CodingKeys) -> T? {
            c.lenient(type, forKey: key, owner: "job \(jobId.prefix(40))", decoder: decoder)
        }
        name = field(String.self, .name) ?? ""
        submittedUserId = field(String.self, .submittedUserId) ?? ""
        submittedUserSiteId = field(Int.self, .submittedUserSiteId)
        state = field(JobState.self, .state)
        submitTime = field(Date.self, .submitTime)
        queuedTime = field(Date.self, .queuedTime)
        startedTime = field(Date.self, .startedTime)
        finishedTime = field(Date.self, .finishedTime)
        failedTime = field(Date.self, .failedTime)
        canceledTime = field(Date.self, .canceledTime)
        stateChangedTime = field(Date.self, .stateChangedTime)
        cancelUserId = field(String.self, .cancelUserId)
        outputFolder = field(String.self, .outputFolder)
        errorInfo = field(String.self, .errorInfo)
    }

    /// Applies an `isDelta: true` status: the fields it carries replace ours, absent ones are kept.
    public func merging(delta: JobStatus) -> JobStatus {
        var merged = self
        if !delta.name.isEmpty { merged.name = delta.name }
        if !delta.submittedUserId.isEmpty { merged.submittedUserId = delta.submittedUserId }
        merged.submittedUserSiteId = delta.submittedUserSiteId ?? submittedUserSiteId
        merged.state = delta.state ?? state
        merged.submitTime = delta.submitTime ?? submitTime
        merged.queuedTime = delta.queuedTime ?? queuedTime
        merged.startedTime = delta.startedTime ?? startedTime
        merged.finishedTime = delta.finishedTime ?? finishedTime
        merged.failedTime = delta.failedTime ?? failedTime
        merged.canceledTime = delta.canceledTime ?? canceledTime
        merged.stateChangedTime = delta.stateChangedTime ?? stateChangedTime
        merged.cancelUserId = delta.cancelUserId ?? cancelUserId
        merged.outputFolder = delta.outputFolder ?? outputFolder
        merged.errorInfo = delta.errorInfo ?? errorInfo
        return merged
    }

    /// The state, or `.unknown(-1)` when the server did not say.
    public var knownState: JobState { state ?? .unknown(-1) }

    /// When the job reached its end state, if it has.
    public var endTime: Date? {
        switch state {
        case .finished: finishedTime ?? stateChangedTime
        case .failed: failedTime ?? stateChangedTime
        case .canceled: canceledTime ?? stateChangedTime
        default: nil
        }
    }
}

/// A column reference: `{ "name": "..." }`.
public struct ColumnRef: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// A table or view to extract (`table` / `view` share one shape; the column key is singular).
public struct DataSetConfig: Codable, Hashable, Sendable {
    public var name: String
    public var dateTimeFilterColumn: String?
    public var siteIdFilterColumn: String?
    public var column: [ColumnRef]

    public init(name: String, dateTimeFilterColumn: String? = nil, siteIdFilterColumn: String? = nil, column: [ColumnRef]) {
        self.name = name
        self.dateTimeFilterColumn = dateTimeFilterColumn
        self.siteIdFilterColumn = siteIdFilterColumn
        self.column = column
    }

    enum CodingKeys: String, CodingKey { case name, dateTimeFilterColumn, siteIdFilterColumn, column }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        dateTimeFilterColumn = try c.decodeIfPresent(String.self, forKey: .dateTimeFilterColumn)
        siteIdFilterColumn = try c.decodeIfPresent(String.self, forKey: .siteIdFilterColumn)
        column = try c.decodeIfPresent([ColumnRef].self, forKey: .column) ?? []
    }
}

public struct TableList: Codable, Hashable, Sendable {
    public var tableList: [DataSetConfig]
    public init(_ tables: [DataSetConfig]) { tableList = tables }
}

public struct ViewList: Codable, Hashable, Sendable {
    public var viewList: [DataSetConfig]
    public init(_ views: [DataSetConfig]) { viewList = views }
}

/// `{ "name": "<site id>" }`; an empty or absent list means every site.
public struct SiteIdFilter: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

/// `jobConfig`: what a job extracts. Never changes once submitted.
public struct JobConfig: Codable, Hashable, Sendable {
    public var id: String?
    public var name: String
    public var submittedUserId: String
    public var tables: TableList?
    public var views: ViewList?
    /// Lower bound, inclusive.
    public var startTimeFilter: Date?
    /// Upper bound, exclusive.
    public var endTimeFilter: Date?
    public var siteIdFilters: [SiteIdFilter]?

    public init(
        id: String? = nil, name: String, submittedUserId: String, tables: [DataSetConfig] = [],
        views: [DataSetConfig] = [], startTimeFilter: Date? = nil, endTimeFilter: Date? = nil,
        siteIdFilters: [String] = []
    ) {
        self.id = id
        self.name = name
        self.submittedUserId = submittedUserId
        self.tables = tables.isEmpty ? nil : TableList(tables)
        self.views = views.isEmpty ? nil : ViewList(views)
        self.startTimeFilter = startTimeFilter
        self.endTimeFilter = endTimeFilter
        self.siteIdFilters = siteIdFilters.isEmpty ? nil : siteIdFilters.map(SiteIdFilter.init(name:))
    }

    enum CodingKeys: String, CodingKey {
        case id, name, submittedUserId, tables, views, startTimeFilter, endTimeFilter, siteIdFilters
    }

    /// Every field is optional here; one of the wrong type or with a bad value is left out with a
    /// warning.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rawId = c.lenient(String.self, forKey: .id, owner: "job configuration", decoder: decoder)
        let owner = rawId.map { "job \($0.prefix(40)) configuration" } ?? "job configuration"
        func field<T: Decodable>(_ type: T.Type, _ key: CodingKeys) -> T? {
            c.lenient(type, forKey: key, owner: owner, decoder: decoder)
        }
        id = rawId
        name = field(String.self, .name) ?? ""
        submittedUserId = field(String.self, .submittedUserId) ?? ""
        tables = field(TableList.self, .tables)
        views = field(ViewList.self, .views)
        startTimeFilter = field(Date.self, .startTimeFilter)
        endTimeFilter = field(Date.self, .endTimeFilter)
        siteIdFilters = field([SiteIdFilter].self, .siteIdFilters)
    }

    public var tableConfigs: [DataSetConfig] { tables?.tableList ?? [] }
    public var viewConfigs: [DataSetConfig] { views?.viewList ?? [] }
    public var siteIds: [String] { (siteIdFilters ?? []).map(\.name) }
}

/// `job`: status and configuration, each present according to `jobsResponseMode`.
public struct Job: Codable, Hashable, Sendable {
    public var jobStatus: JobStatus?
    public var jobConfig: JobConfig?

    public init(jobStatus: JobStatus? = nil, jobConfig: JobConfig? = nil) {
        self.jobStatus = jobStatus
        self.jobConfig = jobConfig
    }

    enum CodingKeys: String, CodingKey { case jobStatus, jobConfig }

    /// A half that does not decode is left out with a warning; the job fails only when neither
    /// half decodes and at least one was there.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var failures: [any Error] = []
        do { jobStatus = try c.decodeIfPresent(JobStatus.self, forKey: .jobStatus) } catch { jobStatus = nil; failures.append(error) }
        do { jobConfig = try c.decodeIfPresent(JobConfig.self, forKey: .jobConfig) } catch { jobConfig = nil; failures.append(error) }
        if jobStatus == nil, jobConfig == nil, let first = failures.first { throw first }
        for failure in failures { decoder.warn("job \(id?.prefix(40) ?? "?"): ignored part (\(ICWSJSON.describe(failure)))") }
    }

    /// The job's id, from whichever half is present.
    public var id: String? { jobStatus?.id ?? jobConfig?.id }
}

/// `jobs`: `{ "jobList": [job] }`, newest first.
public struct JobList: Codable, Hashable, Sendable {
    public var jobList: [Job]
    public init(_ jobs: [Job]) { jobList = jobs }

    enum CodingKeys: String, CodingKey { case jobList }

    /// A job that does not decode (no id) is skipped with a warning; the others are kept.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        jobList = try c.decode([LenientElement<Job>].self, forKey: .jobList).compactMap(\.value)
    }
}

/// `jobsResponseMode` query parameter.
public enum JobsResponseMode: String, Codable, Sendable, CaseIterable {
    case configuration, status, all
}

/// POST jobs answer: `201 {"id": "..."}`.
public struct JobCreated: Codable, Hashable, Sendable {
    public var id: String
    public init(id: String) { self.id = id }
}

/// PUT jobs-statuses subscription body.
public struct JobStatusSubscription: Codable, Hashable, Sendable {
    public var jobIds: [String]
    public init(jobIds: [String]) { self.jobIds = jobIds }
}
