import Foundation
import Logging

/// The contexts a several-context command reads (`--context` repeated, `--all-contexts`), each
/// with its password or why there is none, and the logger; the `--insecure` warnings printed. With
/// one context, a missing password is thrown at once.
struct ContextLogins {
    let contexts: [ResolvedContext]
    let passwords: [Result<String, any Error>]
    let logger: Logger

    init(_ global: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        try self.init(contexts: try ContextResolver(global, environment: environment).resolve(all: global.allContexts),
                      environment: environment, logFile: global.logFile)
    }

    /// For contexts already resolved (a bulk command looks at them before any password).
    init(contexts: [ResolvedContext], environment: [String: String], logFile: String?) throws {
        self.contexts = contexts
        logger = try LoggingSetup.logger(logFile: logFile)
        contexts.forEach(CommandContext.warnIfInsecure)
        passwords = PasswordSource.passwords(for: contexts, environment: environment)
        if contexts.count == 1, case .failure(let error) = passwords[0] { throw error }
    }

    var parts: ([ResolvedContext], [Result<String, any Error>], Logger) { (contexts, passwords, logger) }
}
