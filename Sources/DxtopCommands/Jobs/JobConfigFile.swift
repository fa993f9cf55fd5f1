import DisplayText
import Foundation
import ICWSWire
import JobComposition

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
            if let problem = syntaxProblem(in: data) { throw CLIError.failure("\(label): not valid JSON: \(problem)") }
            throw CLIError.failure("\(label): not a job configuration: \(ICWSJSON.describe(error))")
        }
        if let problem = problem(in: config) {
            throw CLIError.failure("\(label): \(problem)")
        }
        return config
    }

    /// For JSON that does not parse: what the parser found and where, as line and column
    /// (`Invalid value at line 3, column 28`); nil for JSON that parses (another problem).
    static func syntaxProblem(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let said = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "malformed JSON"
            guard let match = said.firstMatch(of: /(.*) around character (\d+)\.?/), let offset = Int(match.2),
                  offset <= data.count else { return OneLine.safe(said) }
            let before = data.prefix(offset)
            let line = before.count(where: { $0 == UInt8(ascii: "\n") }) + 1
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? before.startIndex
            let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
            return OneLine.safe("\(match.1) at line \(line), column \(column)")
        }
    }

    /// The first thing that keeps `config` from being a job, or nil.
    static func problem(in config: JobConfig) -> String? {
        if config.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "the job has no \"name\""
        }
        let sets = config.dataSets
        if sets.isEmpty {
            return "the job needs at least one table or view (\"tables\": {\"tableList\": [...]} or \"views\": {\"viewList\": [...]})"
        }
        for set in sets {
            let kind = set.kind.rawValue
            if set.entry.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "a \(kind) has no \"name\"" }
            if set.entry.column.isEmpty {
                return "\(kind) \"\(TerminalSafe.clean(set.entry.name))\" has no columns (\"column\": [{\"name\": ...}])"
            }
        }
        return nil
    }
}
