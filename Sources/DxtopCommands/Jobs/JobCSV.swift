import DisplayText
import Foundation

/// `-o csv` of `jobs list` and `jobs show`: one row per job, the columns and values of the JSON job
/// status object (docs/cli.md) in its key order (`context` first when the listing spans several
/// contexts); null is an empty field. Text is sanitised like the table.
enum JobCSV {
    static func lines(_ jobs: [ListedJob], showContext: Bool, headers: Bool, now: Date) throws -> [String] {
        let keys = JSONOutput.Status.Keys.allCases.filter { showContext || $0 != .context }.map(\.rawValue)
        var out = headers ? [CSV.line(keys)] : []
        for job in jobs {
            let object = JSONOutput.Status(status: job.status, now: now, context: showContext ? job.context ?? "" : nil)
            let data = try JSONEncoder().encode(object)
            let fields = (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
            out.append(CSV.line(keys.map { key in
                switch fields[key] {
                case let text as String: TerminalSafe.clean(text)
                case let number as NSNumber: number.stringValue
                default: ""
                }
            }))
        }
        return out
    }
}
