import Foundation
import ICWSWire

/// A dataset picked for a job: its name as typed (any case), which kind if the user said, and the
/// columns wanted (any case; empty means every column of the dataset).
public struct DataSetChoice: Hashable, Sendable {
    public var name: String
    public var kind: DataSetKind?
    public var columns: [String]

    public init(name: String, kind: DataSetKind? = nil, columns: [String] = []) {
        self.name = name
        self.kind = kind
        self.columns = columns
    }
}

/// What the user chose, before it is checked against the dictionary and turned into a `jobConfig`.
public struct JobDraft: Hashable, Sendable {
    public var name: String
    public var dataSets: [DataSetChoice]
    public var window: TimeWindow?
    /// Empty: every site.
    public var siteIds: [String]

    public init(name: String, dataSets: [DataSetChoice], window: TimeWindow? = nil, siteIds: [String] = []) {
        self.name = name
        self.dataSets = dataSets
        self.window = window
        self.siteIds = siteIds
    }
}

/// Turns drafts and earlier jobs into `jobConfig`s the server accepts.
public enum JobComposer {
    /// The configuration for `draft`: names spelt as the dictionary spells them, every column when
    /// none was chosen, each dataset's date-time and site-id filter columns copied from the
    /// dictionary. Throws every problem found (unknown names with the closest ones, the server's rules).
    public static func config(for draft: JobDraft, dictionary: DataDictionary,
                              submittedUserId: String) throws(CompositionError) -> JobConfig {
        var problems: [CompositionProblem] = []
        var tables: [DataSetConfig] = []
        var views: [DataSetConfig] = []
        for choice in draft.dataSets {
            guard let dataSet = dictionary.dataSet(named: choice.name, kind: choice.kind) else {
                problems.append(JobRules.unknownDataSet(choice.name, kind: choice.kind, in: dictionary))
                continue
            }
            var columns: [ColumnRef] = []
            for wanted in choice.columns {
                if let column = dataSet.column(named: wanted) {
                    if !columns.contains(ColumnRef(name: column.name)) { columns.append(ColumnRef(name: column.name)) }
                } else {
                    problems.append(CompositionProblem(
                        property: "column",
                        message: "Unknown column \"\(wanted)\" in \(dataSet.name).\(JobRules.hint(wanted, among: dataSet.column.map(\.name)))"))
                }
            }
            if choice.columns.isEmpty { columns = dataSet.column.map { ColumnRef(name: $0.name) } }
            let entry = DataSetConfig(name: dataSet.name, dateTimeFilterColumn: dataSet.dateTimeFilterColumn,
                                      siteIdFilterColumn: dataSet.siteIdFilterColumn, column: columns)
            switch dataSet.kind {
            case .table: tables.append(entry)
            case .view: views.append(entry)
            }
        }
        guard problems.isEmpty else { throw CompositionError(problems) }
        let config = JobConfig(name: draft.name, submittedUserId: submittedUserId, tables: tables, views: views,
                               startTimeFilter: draft.window?.start, endTimeFilter: draft.window?.end,
                               siteIdFilters: draft.siteIds)
        let ruled = JobRules.problems(in: config, dictionary: dictionary)
        guard ruled.isEmpty else { throw CompositionError(ruled) }
        return config
    }

    /// A job's configuration to submit again: without its `id`, optionally renamed, with another
    /// window, and submitted by `submittedUserId` when given.
    public static func resubmission(of config: JobConfig, name: String? = nil, window: TimeWindow? = nil,
                                    submittedUserId: String? = nil) -> JobConfig {
        var again = config
        again.id = nil
        if let name { again.name = name }
        if let window {
            again.startTimeFilter = window.start
            again.endTimeFilter = window.end
        }
        if let submittedUserId { again.submittedUserId = submittedUserId }
        return again
    }
}
