import ArgumentParser
import DisplayText
import Foundation
import Yams

/// `dxtop config contexts|use|view`: the config file's contexts (docs/config.md).
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the config file's contexts, switch the current one, or view the file (without secrets).",
        subcommands: [ConfigContextsCommand.self, ConfigUseCommand.self, ConfigViewCommand.self])

    func run() throws {
        throw CLIError.usage("missing command: contexts, use or view (see 'dxtop config --help')")
    }
}

/// `dxtop config contexts`: one line per context, the current one marked with `*`.
struct ConfigContextsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "contexts", abstract: "List the contexts; * marks the current one.")

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Leave out the header line.") var noHeaders = false

    func run() throws {
        let location = ConfigLocation(option: global.config, environment: ProcessInfo.processInfo.environment)
        let file = try location.load()
        guard !file.contexts.isEmpty else {
            throw CLIError.failure("\(ConfigFile.visible(location.path)) has no contexts (see docs/config.md)")
        }
        var table = TextTable(headers: ["CURRENT", "NAME", "SERVER", "USER", "READ-ONLY"])
        for (name, settings) in file.contexts {
            table.append([name == file.currentContext ? "*" : "", TerminalSafe.clean(name),
                          settings.server.map(TerminalSafe.clean) ?? "-", settings.user.map(TerminalSafe.clean) ?? "-",
                          settings.readOnly == true ? "yes" : "no"])
        }
        for line in table.lines().dropFirst(noHeaders ? 1 : 0) { StandardStreams.out(line) }
    }
}

/// `dxtop config use NAME`: rewrites only the `current-context:` line of the file.
struct ConfigUseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "use", abstract: "Make NAME the current context (rewrites current-context in the file).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The context name.", completion: .custom(ContextNameCompletion.names)) var name: String

    func run() throws {
        let location = ConfigLocation(option: global.config, environment: ProcessInfo.processInfo.environment)
        guard let text = try location.text() else {
            throw CLIError.failure("there is no config file at \(ConfigFile.visible(location.path)) (see docs/config.md)")
        }
        let source = URL(fileURLWithPath: location.path).lastPathComponent
        let file = try ConfigFile(yaml: text, source: source)
        guard file.settings(named: name) != nil else {
            let known = file.names.isEmpty ? "the file has none" : "known: " + file.names.map(ConfigFile.visible).joined(separator: ", ")
            throw CLIError.usage("no context named '\(ConfigFile.visible(name))' (\(known))")
        }
        let rewritten = ConfigRewrite.settingCurrentContext(name, in: text)
        guard (try? ConfigFile(yaml: rewritten, source: source))?.currentContext == name else {
            throw CLIError.failure("\(source): cannot change current-context safely in this file; edit it by hand")
        }
        try ConfigRewrite.replace(location.path, with: rewritten)
        StandardStreams.out("current context: \(TerminalSafe.clean(name))")
    }
}

/// `dxtop config view`: the file as dxtop understood it, never a secret.
struct ConfigViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "view", abstract: "Print the config as dxtop reads it (secrets redacted).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let location = ConfigLocation(option: global.config, environment: ProcessInfo.processInfo.environment)
        let file = try location.load()
        StandardStreams.note("config file: \(ConfigFile.visible(location.path))\(location.exists ? "" : " (none)")")
        var root: [(Node, Node)] = []
        if let current = file.currentContext { root.append(("current-context", try current.represented())) }
        var contexts: [(Node, Node)] = []
        for (name, settings) in file.contexts {
            contexts.append((try name.represented(), try ConfigView.node(settings)))
        }
        if !contexts.isEmpty { root.append(("contexts", Node(contexts))) }
        guard !root.isEmpty else { return }
        let yaml = try Yams.serialize(node: Node(root))
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false).dropLast() { StandardStreams.out(String(line)) }
    }
}

enum ConfigView {
    static let redacted = "<redacted>"
    static let commandSet = "<set, not shown>"

    /// One context's settings in the file's key names and a fixed order.
    static func node(_ settings: ContextSettings) throws -> Node {
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ value: (any NodeRepresentable)?) throws {
            if let value { pairs.append((Node(key), try value.represented())) }
        }
        try add("server", settings.server)
        try add("user", settings.user)
        // A password command can carry the secret itself (`printf secret`): say that one is set.
        try add("password-command", settings.passwordCommand.map { _ in commandSet })
        try add("password", settings.hasPlainPassword ? redacted : nil)
        try add("ca-file", settings.caFile)
        try add("insecure", settings.insecure)
        try add("proxy", settings.proxy.map(withoutPassword))
        try add("read-only", settings.readOnly)
        try add("timeout", settings.timeout.map { $0 == $0.rounded() && abs($0) < 1e6 ? Int($0) as any NodeRepresentable : $0 })
        try add("utc", settings.utc)
        return Node(pairs)
    }

    /// `http://user:secret@host:3128` → `http://user:<redacted>@host:3128`.
    static func withoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = nil
        guard let bare = components.string, let at = bare.range(of: "@") else { return redacted }
        return String(bare[..<at.lowerBound]) + ":" + redacted + String(bare[at.lowerBound...])
    }
}
