import DisplayText
import Foundation
import ICWSWire

/// A value of an insight listing, written the way each format wants it: JSON and CSV get
/// seconds and extended ISO 8601 UTC, the table durations and times for people.
enum InsightValue {
    case text(String?)
    case int(Int?)
    case time(Date?)
    case duration(TimeInterval?)
    case flag(Bool)

    fileprivate func encode(to container: inout KeyedEncodingContainer<InsightRecord.Key>, forKey key: InsightRecord.Key) throws {
        switch self {
        case .text(let text): try container.encode(text, forKey: key)
        case .int(let number): try container.encode(number, forKey: key)
        case .time(let date): try container.encode(date.map(ICWSDate.extended), forKey: key)
        case .duration(let seconds): try container.encode(seconds.map { Int($0.rounded()) }, forKey: key)
        case .flag(let flag): try container.encode(flag, forKey: key)
        }
    }

    /// A CSV field: what JSON holds, without quotes; null is empty; server text sanitised.
    var csv: String {
        switch self {
        case .text(let text): text.map(TerminalSafe.clean) ?? ""
        case .int(let number): number.map(String.init) ?? ""
        case .time(let date): date.map(ICWSDate.extended) ?? ""
        case .duration(let seconds): seconds.map { String(Int($0.rounded())) } ?? ""
        case .flag(let flag): flag ? "true" : "false"
        }
    }

    /// A table cell (`-` for nothing); a time as the dashboard's list writes it at `now`.
    func cell(_ format: TimeFormat, now: Date, width: Int = 60) -> String {
        switch self {
        case .text(let text): text.map { Cell.clean(OneLine.safe($0), width: width) }.flatMap { $0.isEmpty ? nil : $0 } ?? "-"
        case .int(let number): number.map(String.init) ?? "-"
        case .time(let date): date.map { format.listed($0, now: now) } ?? "-"
        case .duration(let seconds): seconds.map(TimeFormat.duration) ?? "-"
        case .flag(let flag): flag ? "yes" : "no"
        }
    }
}

/// One row of `series list`, `history` or `coverage`: keys in column order (JSON sorts them).
struct InsightRecord: Encodable {
    var fields: [(key: String, value: InsightValue)]

    struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for field in fields { try field.value.encode(to: &container, forKey: Key(stringValue: field.key)) }
    }

    subscript(key: String) -> InsightValue? { fields.first { $0.key == key }?.value }
}

/// Writes insight records in the `-o` format of `jobs list`: a table of the chosen columns (every
/// key with `wide`), a JSON array, JSON lines, or CSV with the JSON keys as header.
struct InsightWriter {
    let output: OutputOptions
    let format: TimeFormat

    /// `columns`: (header, key) of the table; `wide` shows every key.
    func write(_ records: [InsightRecord], columns: [(String, String)]) throws {
        let keys = records.first?.fields.map(\.key) ?? columns.map(\.1)
        switch output.format {
        case .json: StandardStreams.out(try SafeJSON.pretty(records))
        case .jsonl: for record in records { StandardStreams.out(try SafeJSON.line(record)) }
        case .csv:
            var lines = output.noHeaders ? [] : [CSV.line(keys)]
            lines += records.map { record in CSV.line(record.fields.map(\.value.csv)) }
            if !lines.isEmpty { StandardStreams.out(lines.joined(separator: "\n")) }
        case .table, .wide:
            let shown = output.format == .wide ? keys.map { ($0.uppercased(), $0) } : columns
            var table = TextTable(headers: shown.map(\.0))
            let now = Date()
            for record in records { table.append(shown.map { record[$0.1]?.cell(format, now: now) ?? "-" }) }
            let lines = table.lines().dropFirst(output.noHeaders ? 1 : 0)
            if !lines.isEmpty { StandardStreams.out(lines.joined(separator: "\n")) }
        }
    }
}
