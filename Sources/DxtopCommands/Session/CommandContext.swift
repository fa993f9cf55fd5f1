import DisplayText
import Foundation
import ICWSClient
import Logging

/// What a command that talks to one server needs, resolved from options, the environment and the
/// config file: the client configuration (server, credentials, TLS, proxy, timeout, logger), the
/// time format and whether the context is read-only.
struct CommandContext: Sendable {
    let resolved: ResolvedContext
    let configuration: ICWSClientConfiguration
    let logger: Logger

    var userID: String { resolved.userID }
    var format: TimeFormat { resolved.timeFormat }

    /// Resolves the context and the password (possibly prompting on the terminal) and sets up
    /// logging. With `refusing`, a read-only context is refused before any password is asked for.
    /// Prints the `--insecure` warning.
    init(_ options: GlobalOptions, refusing action: String? = nil,
         environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let resolved = try ContextResolver(options, environment: environment).single()
        if let action { try resolved.refuseIfReadOnly(action) }
        logger = try LoggingSetup.logger(logFile: options.logFile)
        Self.warnIfInsecure(resolved)
        let password = try PasswordSource.password(for: resolved, environment: environment)
        self.resolved = resolved
        configuration = resolved.configuration(password: password, logger: logger)
    }

    /// For `--demo`: the embedded simulator's URL and one of its users.
    init(demoServer url: String, userID: String, password: String, options: GlobalOptions) throws {
        logger = try LoggingSetup.logger(logFile: options.logFile)
        resolved = ResolvedContext(
            name: nil, server: try ICWSServer(parsing: url), userID: userID, passwordOrigin: .prompt,
            tls: TLSOptions(), proxy: nil, readOnly: false, timeout: options.timeout, utc: options.utc)
        configuration = resolved.configuration(password: password, logger: logger)
    }

    static func warnIfInsecure(_ context: ResolvedContext) {
        guard context.tls.insecure else { return }
        let which = context.name.map { " (context '\(TerminalSafe.clean($0))')" } ?? ""
        StandardStreams.note("warning: --insecure\(which): the server's TLS certificate is not verified; anyone on the network path can read the password")
    }

    /// Logs in, runs `body` with the session, and always logs out and shuts the client down, on
    /// success, failure, interruption and a closed standard output alike (`SessionRun`). Blocks the
    /// calling (main) thread meanwhile.
    func withSession<T: Sendable>(_ body: @escaping @Sendable (ICWSSession) async throws -> T) throws -> T {
        do {
            return try SessionRun.blocking([configuration]) { sessions in
                _ = try await sessions[0].connect()
                return try await body(sessions[0])
            }
        } catch {
            throw ContextFailure.wrap(error, resolved)
        }
    }
}
