import Foundation

/// `-o csv` of `jobs list` and `jobs show`: one row per job, the columns and values of the JSON job
/// status object (docs/cli.md) in its key order (`context` first when the listing spans several
/// contexts); null is an empty field. Text is sanitised like the table.
enum JobCSV {
    static func lines(_ jobs: [ListedJob], showContext: Bool, headers: Bool, now: Date) throws -> [String] {
        let keys = JSONOutput.Status.Keys.allCases.filter { showContext || $0 != .context }.map(\.rawValue)
        let objects = jobs.map { JSONOutput.Status(status: $0.status, now: now, context: showContext ? $0.context ?? "" : nil) }
        return try CSV.rows(objects, keys: keys, headers: headers)
    }
}
