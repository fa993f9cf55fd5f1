import Foundation
import ICWSWire

/// `--json` shapes. Key names are stable (documented in docs/cli.md); every key is always present,
/// `null` when the server did not say. Times are extended ISO 8601 UTC, states are words.
enum JSONOutput {
    /// One job's status: an element of `jobs list --json`, `status` of `jobs show --json`.
    struct Status: Encodable {
        let status: JobStatus
        let now: Date
        /// Only in listings that span several contexts.
        var context: String? = nil

        enum Keys: String, CodingKey, CaseIterable {
            case context, id, name, state, submittedUserId, submittedUserSiteId, submitTime, queuedTime, startedTime,
                 finishedTime, failedTime, canceledTime, stateChangedTime, cancelUserId, outputFolder, errorInfo,
                 durationSeconds
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            if let context { try c.encode(context, forKey: .context) }
            try c.encode(status.id, forKey: .id)
            try c.encode(status.name, forKey: .name)
            try c.encode(status.state?.word, forKey: .state)
            try c.encode(status.submittedUserId, forKey: .submittedUserId)
            try c.encode(status.submittedUserSiteId, forKey: .submittedUserSiteId)
            try c.encode(status.submitTime.map(ICWSDate.extended), forKey: .submitTime)
            try c.encode(status.queuedTime.map(ICWSDate.extended), forKey: .queuedTime)
            try c.encode(status.startedTime.map(ICWSDate.extended), forKey: .startedTime)
            try c.encode(status.finishedTime.map(ICWSDate.extended), forKey: .finishedTime)
            try c.encode(status.failedTime.map(ICWSDate.extended), forKey: .failedTime)
            try c.encode(status.canceledTime.map(ICWSDate.extended), forKey: .canceledTime)
            try c.encode(status.stateChangedTime.map(ICWSDate.extended), forKey: .stateChangedTime)
            try c.encode(status.cancelUserId, forKey: .cancelUserId)
            try c.encode(status.outputFolder, forKey: .outputFolder)
            try c.encode(status.errorInfo, forKey: .errorInfo)
            try c.encode(status.duration(now: now).map { Int($0.rounded(.down)) }, forKey: .durationSeconds)
        }
    }

    /// A table or view of a job's configuration.
    struct DataSet: Encodable {
        let name: String
        let columns: [String]
        let dateTimeFilterColumn: String?
        let siteIdFilterColumn: String?

        init(_ config: DataSetConfig) {
            name = config.name
            columns = config.column.map(\.name)
            dateTimeFilterColumn = config.dateTimeFilterColumn
            siteIdFilterColumn = config.siteIdFilterColumn
        }

        enum Keys: String, CodingKey { case name, columns, dateTimeFilterColumn, siteIdFilterColumn }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name)
            try c.encode(columns, forKey: .columns)
            try c.encode(dateTimeFilterColumn, forKey: .dateTimeFilterColumn)
            try c.encode(siteIdFilterColumn, forKey: .siteIdFilterColumn)
        }
    }

    /// `config` of `jobs show --json`.
    struct Config: Encodable {
        let config: JobConfig

        enum Keys: String, CodingKey {
            case id, name, submittedUserId, tables, views, startTimeFilter, endTimeFilter, siteIds
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(config.id, forKey: .id)
            try c.encode(config.name, forKey: .name)
            try c.encode(config.submittedUserId, forKey: .submittedUserId)
            try c.encode(config.tableConfigs.map(DataSet.init), forKey: .tables)
            try c.encode(config.viewConfigs.map(DataSet.init), forKey: .views)
            try c.encode(config.startTimeFilter.map(ICWSDate.extended), forKey: .startTimeFilter)
            try c.encode(config.endTimeFilter.map(ICWSDate.extended), forKey: .endTimeFilter)
            try c.encode(config.siteIds, forKey: .siteIds)
        }
    }

    /// `jobs show --json`.
    struct Detail: Encodable {
        let job: Job
        let now: Date

        enum Keys: String, CodingKey { case id, status, config }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(job.id, forKey: .id)
            try c.encode(job.jobStatus.map { Status(status: $0, now: now) }, forKey: .status)
            try c.encode(job.jobConfig.map(Config.init), forKey: .config)
        }
    }

    /// One line of `jobs watch --json`.
    struct StateChangeLine: Encodable {
        let change: StateChange

        enum Keys: String, CodingKey { case time, id, name, previousState, state }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(ICWSDate.extended(change.time), forKey: .time)
            try c.encode(change.id, forKey: .id)
            try c.encode(change.name, forKey: .name)
            try c.encode(change.previous.word, forKey: .previousState)
            try c.encode(change.current.word, forKey: .state)
        }
    }
}
