import ArgumentParser
import DisplayText
import Foundation

/// How `jobs list` and `jobs show` print: `table` (human; clipped to fit only on a terminal),
/// `wide` (more columns, never clipped), `json` (pretty), `jsonl` (one object per line), `csv`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, wide, json, jsonl, csv
}

/// `-o FORMAT`, `--json` (the same as `-o json`) and `--no-headers`.
struct OutputOptions: ParsableArguments, Sendable {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp(
        "Output format: table, wide, json, jsonl or csv (keys and columns in docs/cli.md).", valueName: "format"))
    var output: OutputFormat?

    @Flag(name: .long, help: "The same as -o json.")
    var json = false

    @Flag(name: .long, help: "Leave out the header line (table, wide and csv).")
    var noHeaders = false

    func validate() throws {
        if json, let output, output != .json {
            throw ValidationError("--json and -o \(output.rawValue) cannot be used together")
        }
    }

    var format: OutputFormat { json ? .json : output ?? .table }
}

/// CSV (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
enum CSV {
    /// One row per object: the values of its JSON encoding under `keys`, in that order (null is an
    /// empty field, text sanitised like the table), after a header of the keys when `headers`.
    static func rows<T: Encodable>(_ objects: [T], keys: [String], headers: Bool) throws -> [String] {
        var out = headers ? [line(keys)] : []
        for object in objects {
            let data = try JSONEncoder().encode(object)
            let fields = (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
            out.append(line(keys.map { key in
                switch fields[key] {
                case let text as String: TerminalSafe.clean(text)
                case let number as NSNumber: number.stringValue
                default: ""
                }
            }))
        }
        return out
    }

    static func line(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }
}
