import DashboardKit
import DisplayText
import Foundation
import JobComposition
import Yams

/// One context of the config file: how to reach and log in to one CIC server. Every field is
/// optional; flags and the environment win over it (docs/config.md).
struct ContextSettings: Sendable {
    var server: String?
    var user: String?
    var passwordCommand: String?
    var caFile: String?
    var insecure: Bool?
    var readOnly: Bool?
    var proxy: String?
    var timeout: Double?
    var utc: Bool?
    /// The colour of the context's name in the dashboard's context column and header.
    var color: TextColor?
    /// A `password:` key was present (it is never used or shown: see docs/config.md).
    var hasPlainPassword = false
}

/// The parsed `config.yaml`: the contexts in file order and the current one.
struct ConfigFile: Sendable {
    var currentContext: String?
    var contexts: [(name: String, settings: ContextSettings)] = []
    /// Views, theme, colours, mouse and keys of the dashboard.
    var dashboard = DashboardSettings()
    /// Problems that do not stop dxtop (unknown keys, a plain password), each one line.
    var warnings: [String] = []

    var names: [String] { contexts.map(\.name) }

    func settings(named name: String) -> ContextSettings? {
        contexts.first { $0.name == name }?.settings
    }

    /// The keys a context may have.
    static let contextKeys: Set<String> = ["server", "user", "password-command", "ca-file", "insecure", "read-only",
                                           "proxy", "timeout", "utc", "color", "password"]

    /// Parses YAML text. `source` names the file in messages (`config.yaml:7: ...`).
    /// Throws `CLIError` for malformed YAML (with its line) and for values of the wrong type.
    init() {}

    init(yaml: String, source: String) throws {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw CLIError.failure("\(source): \(Self.describe(error))")
        }
        guard let root else { return }  // an empty file
        guard let top = root.mapping else {
            throw Self.problem(source, root, "the file must be a mapping with current-context and contexts")
        }
        let dashboardParser = DashboardSettingsParser(source: source)
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "theme": dashboard.theme = try dashboardParser.theme(value)
            case "colors": dashboard.colors = try dashboardParser.colors(value)
            case "mouse": dashboard.mouse = try dashboardParser.mouse(value)
            case "keys": dashboard.keys = try dashboardParser.keys(value)
            case "views": try dashboardParser.views(value, into: &dashboard)
            case "current-context":
                guard let name = value.scalar?.string else { throw Self.problem(source, value, "current-context must be a context name") }
                currentContext = name
            case "contexts":
                if value.null != nil { continue }
                guard let entries = value.mapping else { throw Self.problem(source, value, "contexts must be a mapping of names to settings") }
                for (nameNode, body) in entries {
                    guard let name = nameNode.scalar?.string, !name.isEmpty else {
                        throw Self.problem(source, nameNode, "a context name must be a non-empty string")
                    }
                    contexts.append((name, try parseContext(body, name: name, source: source)))
                }
            default:
                warnings.append("\(Self.location(source, keyNode)): unknown key '\(Self.visible(key))' (ignored\(Self.didYouMean(key, among: ["current-context", "contexts"] + DashboardSettings.keysRead)))")
            }
        }
    }

    private mutating func parseContext(_ body: Node, name: String, source: String) throws -> ContextSettings {
        var settings = ContextSettings()
        if body.null != nil { return settings }
        guard let mapping = body.mapping else {
            throw Self.problem(source, body, "context '\(Self.visible(name))' must be a mapping of settings")
        }
        let what = "context '\(Self.visible(name))'"
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            func text() throws -> String {
                guard let text = value.scalar?.string, value.null == nil else {
                    throw Self.problem(source, value, "\(what): \(key) must be a string")
                }
                return text
            }
            func flag() throws -> Bool {
                guard let flag = value.bool else { throw Self.problem(source, value, "\(what): \(key) must be true or false") }
                return flag
            }
            switch key {
            case "server": settings.server = try text()
            case "user": settings.user = try text()
            case "password-command": settings.passwordCommand = try text()
            case "ca-file": settings.caFile = Self.expandingTilde(try text())
            case "proxy": settings.proxy = try text()
            case "insecure": settings.insecure = try flag()
            case "read-only": settings.readOnly = try flag()
            case "utc": settings.utc = try flag()
            case "color": settings.color = try DashboardSettingsParser(source: source).color(value, "\(what): color")
            case "timeout":
                guard let seconds = value.float, GlobalOptions.timeoutRange.contains(seconds) else {
                    throw Self.problem(source, value, "\(what): timeout must be a number of seconds from 0.1 to 3600")
                }
                settings.timeout = seconds
            case "password":
                settings.hasPlainPassword = true
                warnings.append("\(Self.location(source, keyNode)): \(what): a plain 'password' is never used; use password-command")
            default:
                warnings.append("\(Self.location(source, keyNode)): \(what): unknown key '\(Self.visible(key))' (ignored\(Self.didYouMean(key, among: Self.contextKeys.sorted())))")
            }
        }
        if settings.insecure == true, settings.caFile != nil {
            throw Self.problem(source, body, "\(what): insecure and ca-file cannot be used together")
        }
        return settings
    }

    /// `; did you mean 'current-context'?` for a near miss, else nothing.
    static func didYouMean(_ key: String, among keys: [String]) -> String {
        NameSuggestions.closest(to: key, among: keys, limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `~/x` → `$HOME/x`.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        return NSString(string: path).expandingTildeInPath
    }

    /// "line 7: mapping values are not allowed in this context", without the snippet Yams adds.
    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return "line \(mark.line): malformed YAML: \(problem)"
        case .reader(let problem, _, _, _):
            return "malformed YAML: \(problem)"
        case .duplicatedKeysInMapping(let duplicates, _):
            return "malformed YAML: duplicated keys \(duplicates.sorted().map(visible).joined(separator: ", "))"
        default:
            return "malformed YAML: \(OneLine.safe(error.description))"
        }
    }

    private static func location(_ source: String, _ node: Node) -> String {
        node.mark.map { "\(source):\($0.line)" } ?? source
    }

    static func problem(_ source: String, _ node: Node, _ message: String) -> CLIError {
        CLIError.failure("\(location(source, node)): \(message)")
    }

    /// A key or name as a message shows it: one line, terminal-safe, not endless.
    static func visible(_ text: String) -> String {
        let line = OneLine.safe(text)
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }
}
