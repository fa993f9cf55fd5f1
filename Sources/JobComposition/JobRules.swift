import Foundation
import ICWSWire

/// The server's rules for a `jobConfig`, checked against the data dictionary: used by the CLI and
/// the composer before sending, and by the simulator to refuse a POST (first problem → 400).
public enum JobRules {
    /// Longest job name: `DataExtractorAudit.JobName` is `nvarchar(100)`.
    public static let maximumNameLength = 100

    /// Every problem of `config`, in the order the server reports them; empty when it may be sent.
    public static func problems(in config: JobConfig, dictionary: DataDictionary) -> [CompositionProblem] {
        var problems: [CompositionProblem] = []
        let name = config.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            problems.append(CompositionProblem(property: "name", message: "The job name must not be empty."))
        } else if config.name.count > maximumNameLength {
            problems.append(CompositionProblem(
                property: "name",
                message: "The job name is \(config.name.count) characters long; at most \(maximumNameLength) are allowed."))
        }
        let entries = config.dataSets
        if entries.isEmpty {
            problems.append(CompositionProblem(property: "tables", message: "A job needs at least one table or view."))
        }
        var known: [DictionaryDataSet] = []
        for set in entries {
            if let found = dictionary.dataSet(named: set.entry.name, kind: set.kind) {
                known.append(found)
                problems += columnProblems(set.entry, of: found)
            } else {
                problems.append(unknownDataSet(set.entry.name, kind: set.kind, in: dictionary))
            }
        }
        if let start = config.startTimeFilter, let end = config.endTimeFilter, end <= start {
            problems.append(CompositionProblem(property: "endTimeFilter",
                                               message: "endTimeFilter must be later than startTimeFilter."))
        }
        let hasWindow = config.startTimeFilter != nil || config.endTimeFilter != nil
        if hasWindow, !known.isEmpty, !entries.contains(where: { $0.entry.dateTimeFilterColumn != nil }) {
            problems.append(CompositionProblem(
                property: "startTimeFilter",
                message: "A time window needs a dataset with a date-time filter column; \(list(known)) \(known.count == 1 ? "has" : "have") none."))
        }
        if !config.siteIds.isEmpty, !known.isEmpty, !entries.contains(where: { $0.entry.siteIdFilterColumn != nil }) {
            problems.append(CompositionProblem(
                property: "siteIdFilters",
                message: "Site filters need a dataset with a site-id filter column; \(list(known)) \(known.count == 1 ? "has" : "have") none."))
        }
        return problems
    }

    /// Unknown and missing columns, and filter columns that are not columns of the dataset.
    static func columnProblems(_ entry: DataSetConfig, of dataSet: DictionaryDataSet) -> [CompositionProblem] {
        var problems: [CompositionProblem] = []
        if entry.column.isEmpty {
            problems.append(CompositionProblem(property: "column", message: "\(dataSet.name) needs at least one column."))
        }
        let names = dataSet.column.map(\.name)
        for column in entry.column where dataSet.column(named: column.name) == nil {
            problems.append(CompositionProblem(
                property: "column",
                message: "Unknown column \"\(column.name)\" in \(dataSet.name).\(hint(column.name, among: names))"))
        }
        for (property, filter) in [("dateTimeFilterColumn", entry.dateTimeFilterColumn), ("siteIdFilterColumn", entry.siteIdFilterColumn)] {
            guard let filter, dataSet.column(named: filter) == nil else { continue }
            problems.append(CompositionProblem(
                property: property,
                message: "The \(property) \"\(filter)\" is not a column of \(dataSet.name).\(hint(filter, among: names))"))
        }
        return problems
    }

    /// An unknown table or view, with the closest names (or the note that it is the other kind).
    public static func unknownDataSet(_ name: String, kind: DataSetKind?, in dictionary: DataDictionary) -> CompositionProblem {
        let property = kind == .view ? "views" : "tables"
        if let kind, let other = dictionary.dataSet(named: name, kind: kind == .table ? .view : .table) {
            return CompositionProblem(property: property, message: "\(other.name) is a \(other.kind.rawValue), not a \(kind.rawValue).")
        }
        let word = kind.map { $0.rawValue } ?? "table or view"
        return CompositionProblem(property: property,
                                  message: "Unknown \(word) \"\(name)\".\(hint(name, among: dictionary.all.map(\.name)))")
    }

    /// " Closest: A, B." or "".
    public static func hint(_ name: String, among candidates: [String]) -> String {
        let closest = NameSuggestions.closest(to: name, among: candidates)
        return closest.isEmpty ? "" : " Closest: \(closest.joined(separator: ", "))."
    }

    private static func list(_ sets: [DictionaryDataSet]) -> String {
        let names = sets.map(\.name)
        return names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
    }
}
