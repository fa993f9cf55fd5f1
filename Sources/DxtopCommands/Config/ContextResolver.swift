import Foundation
import ICWSClient

/// Turns flags, the environment and the config file into the contexts a command works on.
///
/// Which contexts: `--context NAME` (repeatable), else every context with `all`, else the file's
/// `current-context`, except when `--server` or `ICWS_SERVER` names a server (then no context:
/// another server's password command must not run). Per field: flags, then environment, then the context.
/// With several contexts, server, user and password come from each context only.
struct ContextResolver {
    let options: GlobalOptions
    let environment: [String: String]
    let file: ConfigFile

    init(_ options: GlobalOptions, environment: [String: String]) throws {
        self.options = options
        self.environment = environment
        file = try ConfigLocation(option: options.config, environment: environment).load()
    }

    /// The one context of a single-server command.
    func single() throws -> ResolvedContext {
        guard options.context.count <= 1, !options.allContexts else {
            throw CLIError.usage("this command works on one server: give --context once, without --all-contexts")
        }
        return try resolve(all: false)[0]
    }

    /// The contexts to work on, in the order named (or of the file).
    func resolve(all: Bool) throws -> [ResolvedContext] {
        let names = try selectedNames(all: all)
        guard names.count > 1 else { return [try resolve(name: names.first ?? nil, overrides: true)] }
        if options.server != nil || options.user != nil || options.passwordStdin {
            throw CLIError.usage("--server, --user and --password-stdin work on one server, not with several contexts")
        }
        return try names.map { try resolve(name: $0, overrides: false) }
    }

    private func selectedNames(all: Bool) throws -> [String?] {
        if all {
            guard !file.contexts.isEmpty else { throw CLIError.usage("--all-contexts: the config file has no contexts") }
            guard options.context.isEmpty else { throw CLIError.usage("--all-contexts and --context cannot be used together") }
            return file.names
        }
        if !options.context.isEmpty {
            var unique: [String] = []
            for name in options.context where !unique.contains(name) {
                guard file.settings(named: name) != nil else { throw unknown(name) }
                unique.append(name)
            }
            return unique
        }
        let serverGiven = nonEmpty(options.server) != nil || nonEmpty(environment["ICWS_SERVER"]) != nil
        guard !serverGiven, let current = file.currentContext else { return [nil] }
        guard file.settings(named: current) != nil else { throw unknown(current, what: "current-context") }
        return [current]
    }

    private func unknown(_ name: String, what: String = "--context") -> CLIError {
        let known = file.names.isEmpty ? "the config file has none" : "known: " + file.names.map(ConfigFile.visible).joined(separator: ", ")
        return CLIError.usage("\(what): no context named '\(ConfigFile.visible(name))' (\(known))")
    }

    private func resolve(name: String?, overrides: Bool) throws -> ResolvedContext {
        let settings = name.flatMap(file.settings(named:)) ?? ContextSettings()
        let label = name.map { "context '\(ConfigFile.visible($0))': " } ?? ""
        let flagOrEnvironmentServer = overrides ? nonEmpty(options.server) ?? nonEmpty(environment["ICWS_SERVER"]) : nil
        guard let serverText = flagOrEnvironmentServer ?? nonEmpty(settings.server) else {
            throw CLIError.usage(name == nil ? noServerMessage : "\(label)no server in the config file")
        }
        let server: ICWSServer
        do {
            server = try ICWSServer(parsing: serverText)
        } catch {
            throw CLIError.usage(label + FailureReport.describe(error))
        }
        let flagOrEnvironmentUser = overrides ? nonEmpty(options.user) ?? nonEmpty(environment["ICWS_USER"]) : nil
        guard let userID = flagOrEnvironmentUser ?? nonEmpty(settings.user) else {
            throw CLIError.usage(name == nil ? "no user given: pass --user USER or set ICWS_USER" : "\(label)no user in the config file")
        }
        let insecure = options.insecure || (options.caFile == nil && settings.insecure == true)
        let caFile = options.caFile ?? (options.insecure ? nil : settings.caFile)
        let tls = TLSOptions(caFile: caFile, insecure: insecure)
        if caFile != nil {
            do {
                try tls.validate()
            } catch {
                throw CLIError.usage("\(label)\(options.caFile != nil ? "--ca-file" : "ca-file"): \(FailureReport.describe(error))")
            }
        }
        let proxy: HTTPProxy?
        do {
            proxy = try ProxyChoice.proxy(for: server, contextProxy: settings.proxy, environment: environment)
        } catch let error as CLIError {
            throw CLIError.usage(label + error.message)
        }
        return ResolvedContext(
            name: name, server: server, userID: userID,
            passwordOrigin: passwordOrigin(settings, overrides: overrides),
            tls: tls, proxy: proxy, readOnly: settings.readOnly ?? false,
            timeout: options.timeout ?? settings.timeout, utc: options.utc || settings.utc == true, color: settings.color)
    }

    private func passwordOrigin(_ settings: ContextSettings, overrides: Bool) -> PasswordOrigin {
        if overrides, options.passwordStdin { return .standardInput }
        if overrides, !(environment["ICWS_PASSWORD"] ?? "").isEmpty { return .environment }
        if let command = nonEmpty(settings.passwordCommand) { return .command(command) }
        return .prompt
    }

    /// Neither flags, environment nor a current context name a server. A file with contexts but
    /// no (or a misspelled) `current-context:` gets its contexts named, and the ways to pick one.
    private var noServerMessage: String {
        guard !file.names.isEmpty else {
            return "no server given: pass --server URL, set ICWS_SERVER, or add a context to the config file (docs/config.md)"
        }
        let names = file.names.map(ConfigFile.visible)
        return "no server given: the config file has no current-context (its contexts: \(names.joined(separator: ", "))); "
            + "pass --context \(names[0]), or make one current with 'dxtop config use \(names[0])'"
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
