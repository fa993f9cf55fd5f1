import ArgumentParser
import DisplayText
import Foundation
import ICWSWire
import JobComposition

/// `--from`/`--to` or `--window`: a job's time window, in the display time zone.
struct WindowOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Start of the window, inclusive: YYYY-MM-DD[ HH:MM[:SS]] in the display time zone, or ISO 8601 with Z.",
                                            valueName: "time"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("End of the window, exclusive (same forms as --from).", valueName: "time"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("A preset window: today, yesterday, last-7-days or last-month (display time zone).",
                                            valueName: "preset"))
    var window: String?

    var isGiven: Bool { from != nil || to != nil || window != nil }

    func validate() throws {
        if window != nil, from != nil || to != nil {
            throw ValidationError("--window cannot be combined with --from/--to")
        }
        if (from == nil) != (to == nil) {
            throw ValidationError("--from and --to go together")
        }
        if let window, WindowPreset(rawValue: window) == nil {
            throw ValidationError("--window must be one of \(WindowPreset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The window asked for, or nil.
    func resolve(now: Date, timeZone: TimeZone) throws -> TimeWindow? {
        if let window, let preset = WindowPreset(rawValue: window) { return preset.window(now: now, timeZone: timeZone) }
        guard let from, let to else { return nil }
        return TimeWindow(start: try Self.time(from, "--from", timeZone), end: try Self.time(to, "--to", timeZone))
    }

    private static func time(_ text: String, _ option: String, _ timeZone: TimeZone) throws -> Date {
        guard let date = TypedTime.parse(text, timeZone: timeZone) else {
            throw CLIError.usage("\(option): cannot read '\(Cell.clean(text, width: 40))'; use \(TypedTime.accepted)")
        }
        return date
    }
}

/// The flags form of `jobs submit`: name, datasets with their columns, sites.
struct ComposeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Job name (at most 100 characters).", valueName: "name"))
    var name: String?

    @Option(name: .customLong("table"), help: ArgumentHelp("A table to extract, with columns after a colon (none: all columns). Repeatable.",
                                                           valueName: "name[:col,col...]"))
    var tables: [String] = []

    @Option(name: .customLong("view"), help: ArgumentHelp("A view to extract, like --table. Repeatable.", valueName: "name[:col,col...]"))
    var views: [String] = []

    @Option(name: .customLong("site"), help: ArgumentHelp("Only this site id (repeatable; none: every site).", valueName: "id"))
    var sites: [String] = []

    var isGiven: Bool { name != nil || !tables.isEmpty || !views.isEmpty || !sites.isEmpty }

    /// Called by the command once it knows the flags form is meant (so "FILE or flags" is said first).
    func checkComplete() throws {
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--name is required") }
        if tables.isEmpty && views.isEmpty { throw ValidationError("at least one --table or --view is required") }
        for spec in tables + views where Self.choice(spec, kind: .table).name.isEmpty {
            throw ValidationError("'\(Cell.clean(spec, width: 60))' names no dataset; use NAME or NAME:COL,COL")
        }
        if sites.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ValidationError("--site needs a site id")
        }
    }

    /// `NAME` or `NAME:COL,COL`; blanks around names are ignored.
    static func choice(_ spec: String, kind: DataSetKind) -> DataSetChoice {
        let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        let columns = parts.count > 1
            ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
        return DataSetChoice(name: name, kind: kind, columns: columns)
    }

    func draft(window: TimeWindow?) -> JobDraft {
        JobDraft(name: name ?? "",
                 dataSets: tables.map { Self.choice($0, kind: .table) } + views.map { Self.choice($0, kind: .view) },
                 window: window, siteIds: sites.map { $0.trimmingCharacters(in: .whitespaces) })
    }
}
