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

/// `dxtop dictionary list [--filter TEXT] [--json]`.
struct DictionaryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the tables and views: name, kind, data set, filter columns, column count.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Only datasets whose name, data set or description contains TEXT (any case).",
                                            valueName: "text"))
    var filter: String?

    @Flag(name: .long, help: "Print a JSON array (keys in docs/cli.md).")
    var json = false

    func run() throws {
        let dictionary = try DictionaryFetch.dictionary(CommandContext(global))
        let sets = DictionaryText.matching(dictionary.all, filter: filter)
        if json {
            StandardStreams.out(try SafeJSON.pretty(sets.map(DictionaryJSON.Summary.init)))
        } else {
            for line in DictionaryText.list(sets) { StandardStreams.out(line) }
        }
    }
}

/// `dxtop dictionary show NAME [--json]`.
struct DictionaryShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Describe a table or view: its columns (type, size, nullable, PII), filter columns, description.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Table or view name (any case).")
    var name: String

    @Flag(name: .long, help: "Print a JSON object (keys in docs/cli.md).")
    var json = false

    func run() throws {
        let dictionary = try DictionaryFetch.dictionary(CommandContext(global))
        guard let set = dictionary.dataSet(named: name) else {
            throw CLIError.failure(JobRules.unknownDataSet(name, kind: nil, in: dictionary).message)
        }
        if json {
            StandardStreams.out(try SafeJSON.pretty(DictionaryJSON.Detail(set)))
        } else {
            for line in DictionaryText.detail(set) { StandardStreams.out(line) }
        }
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
