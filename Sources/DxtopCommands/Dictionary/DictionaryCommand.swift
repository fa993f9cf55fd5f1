import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import JobComposition

/// `dxtop dictionary`: the tables and views jobs can extract (the server's data dictionary).
struct DictionaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dictionary",
        abstract: "List and describe the tables and views jobs can extract.",
        subcommands: [DictionaryListCommand.self, DictionaryShowCommand.self])

    func run() throws {
        throw CLIError.usage("missing command: list or show (see 'dxtop dictionary --help')")
    }
}

/// `dxtop dictionary list [--filter TEXT] [-o FORMAT]`.
struct DictionaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the tables and views: name, kind, data set, filter columns, column count.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only datasets whose name, data set or description contains TEXT (any case).",
                                            valueName: "text"))
    var filter: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        let dictionary = try DictionaryFetch.dictionary(CommandContext(global))
        let sets = DictionaryText.matching(dictionary.all, filter: filter)
        let summaries = sets.map(DictionaryJSON.Summary.init)
        let lines: [String]
        switch output.format {
        case .json: lines = [try SafeJSON.pretty(summaries)]
        case .jsonl: lines = try summaries.map { try SafeJSON.line($0) }
        case .csv: lines = try CSV.rows(summaries, keys: DictionaryJSON.Summary.Keys.allCases.map(\.rawValue), headers: !output.noHeaders)
        case .table, .wide: lines = Array(DictionaryText.list(sets).dropFirst(output.noHeaders ? 1 : 0))
        }
        for line in lines { StandardStreams.out(line) }
    }
}

/// `dxtop dictionary show NAME [-o FORMAT]`: table and wide print the report, csv one row per column.
struct DictionaryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Describe a table or view: its columns (type, size, nullable, PII), filter columns, description.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Table or view name (any case).")
    var name: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        let dictionary = try DictionaryFetch.dictionary(CommandContext(global))
        guard let set = dictionary.dataSet(named: name) else {
            throw CLIError.failure(JobRules.unknownDataSet(name, kind: nil, in: dictionary).message)
        }
        let lines: [String]
        switch output.format {
        case .json: lines = [try SafeJSON.pretty(DictionaryJSON.Detail(set))]
        case .jsonl: lines = [try SafeJSON.line(DictionaryJSON.Detail(set))]
        case .csv:
            lines = try CSV.rows(set.column.map(DictionaryJSON.Column.init), keys: DictionaryJSON.Column.Keys.allCases.map(\.rawValue),
                                 headers: !output.noHeaders)
        case .table, .wide: lines = DictionaryText.detail(set)
        }
        for line in lines { StandardStreams.out(line) }
    }
}

/// Logs in and fetches the dictionary; skipped entries are reported on stderr, sanitised.
enum DictionaryFetch {
    static func dictionary(_ context: CommandContext) throws -> DataDictionary {
        try context.withSession { session in try await fetch(session) }
    }

    static func fetch(_ session: ICWSSession) async throws -> DataDictionary {
        let dictionary = try await session.dataDictionary()
        for problem in dictionary.problems {
            StandardStreams.note("warning: skipped a dictionary entry: \(Cell.clean(problem, width: 200))")
        }
        return dictionary
    }
}
