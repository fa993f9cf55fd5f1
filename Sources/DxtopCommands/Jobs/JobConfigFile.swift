import DisplayText
import Foundation
import ICWSWire

/// Reading a job configuration file. The shape a job needs (a name, at least one table or view,
/// each with at least one column) is checked here, so `{}` is not sent; the server checks the rest.
enum JobConfigFile {
    static func read(_ path: String) throws -> JobConfig {
        let label = path == "-" ? "standard input" : path
        let data: Data
        do {
            data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.failure("cannot read \(label): \((error as NSError).localizedDescription)")
        }
        let config: JobConfig
        do {
            config = try ICWSJSON.decode(JobConfig.self, from: data)
        } catch {
            if let place = malformedPlace(error) { throw CLIError.failure("\(label): not valid JSON: \(place)") }
            throw CLIError.failure("\(label): not a job configuration: \(ICWSJSON.describe(error))")
        }
        if let problem = problem(in: config) {
            throw CLIError.failure("\(label): \(problem)")
        }
        return config
    }

    /// For JSON that does not parse: the parser's words with the line and column
    /// (`Unexpected character '}' around line 3, column 29.`); nil for any other error.
    static func malformedPlace(_ error: any Error) -> String? {
        guard case DecodingError.dataCorrupted(let context) = error, context.codingPath.isEmpty else { return nil }
        let underlying = context.underlyingError
        let texts = [(underlying as? any CustomDebugStringConvertible)?.debugDescription,
                     (underlying as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String,
                     underlying.map { String(describing: $0) }, context.debugDescription]
        let placed = texts.compactMap { $0 }.first { $0.contains(/line \d+, column \d+/) }
        return OneLine.safe(placed ?? context.debugDescription)
    }

    /// The first thing that keeps `config` from being a job, or nil.
    static func problem(in config: JobConfig) -> String? {
        if config.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "the job has no \"name\""
        }
        let sets = config.tableConfigs.map { ("table", $0) } + config.viewConfigs.map { ("view", $0) }
        if sets.isEmpty {
            return "the job needs at least one table or view (\"tables\": {\"tableList\": [...]} or \"views\": {\"viewList\": [...]})"
        }
        for (kind, set) in sets {
            if set.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "a \(kind) has no \"name\"" }
            if set.column.isEmpty {
                return "\(kind) \"\(TerminalSafe.clean(set.name))\" has no columns (\"column\": [{\"name\": ...}])"
            }
        }
        return nil
    }
}
