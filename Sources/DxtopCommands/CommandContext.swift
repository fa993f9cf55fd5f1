import DashboardRuntime
import DisplayText
import Foundation
import ICWSClient
import Logging

/// What a command that talks to the server needs, resolved from options and the environment:
/// the client configuration (server, credentials, TLS, timeout, logger) and the time format.
struct CommandContext: Sendable {
    let configuration: ICWSClientConfiguration
    let userID: String
    let format: TimeFormat
    let logger: Logger

    /// Resolves server, user and password (possibly prompting on the terminal) and sets up logging.
    /// Prints the `--insecure` warning.
    init(_ options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        logger = try LoggingSetup.logger(logFile: options.logFile)
        let serverText = try options.serverText(environment: environment)
        let server: ICWSServer
        do {
            server = try ICWSServer(parsing: serverText)
        } catch {
            throw CLIError.usage(FailureReport.describe(error))
        }
        userID = try options.userID(environment: environment)
        if options.caFile != nil {
            do {
                try TLSOptions(caFile: options.caFile).validate()
            } catch {
                throw CLIError.usage("--ca-file: \(FailureReport.describe(error))")
            }
        }
        if options.insecure {
            StandardStreams.note("warning: --insecure: the server's TLS certificate is not verified; anyone on the network path can read the password")
        }
        let password = try PasswordSource.password(user: userID, server: serverText, fromStdin: options.passwordStdin,
                                                   environment: environment)
        configuration = Self.makeConfiguration(server: server, userID: userID, password: password, options: options, logger: logger)
        format = options.timeFormat
    }

    /// For `--demo`: the embedded simulator's URL and one of its users.
    init(demoServer url: String, userID: String, password: String, options: GlobalOptions) throws {
        logger = try LoggingSetup.logger(logFile: options.logFile)
        let server = try ICWSServer(parsing: url)
        self.userID = userID
        configuration = Self.makeConfiguration(server: server, userID: userID, password: password, options: options, logger: logger)
        format = options.timeFormat
    }

    private static func makeConfiguration(server: ICWSServer, userID: String, password: String, options: GlobalOptions,
                                          logger: Logger) -> ICWSClientConfiguration {
        var configuration = ICWSClientConfiguration(
            server: server,
            credentials: ICWSCredentials(user: userID, password: password),
            tls: TLSOptions(caFile: options.caFile, insecure: options.insecure),
            logger: logger)
        if let timeout = options.timeout {
            configuration.requestTimeout = .milliseconds(Int64(timeout * 1000))
        }
        return configuration
    }

    /// Logs in, runs `body` with the session, and always logs out and shuts the client down, on
    /// success, failure and cancellation alike. Blocks the calling (main) thread meanwhile.
    ///
    /// SIGINT/SIGTERM are trapped meanwhile: a signal cancels `body` (and stops waiting for it after
    /// `interruptGrace`, since a terminal question cannot be cancelled), logs out, and throws
    /// `Interruption`.
    func withSession<T: Sendable>(_ body: @escaping @Sendable (ICWSSession) async throws -> T) throws -> T {
        let configuration = configuration
        let trap = SignalTrap()
        defer { trap.cancel() }
        return try BlockingAsync.run {
            let session = try ICWSSession(configuration: configuration)
            let work = Task<T, any Error> {
                _ = try await session.connect()
                return try await body(session)
            }
            let outcome: Result<T, any Error> = await Race.first([
                { @Sendable in await work.result },
                { @Sendable in await trap.next().map { .failure(Interruption(signal: $0)) } ?? .failure(CancellationError()) },
            ]) ?? .failure(CancellationError())
            if case .failure(let error) = outcome, error is Interruption {
                work.cancel()
                _ = await Race.first([
                    { @Sendable in _ = await work.result },
                    { @Sendable in _ = try? await Task.sleep(for: Self.interruptGrace) },
                ])
            }
            await session.shutdown()  // logs out first
            return try outcome.get()
        }
    }

    /// How long an interrupted command's work may take to wind down before the logout.
    static let interruptGrace: Duration = .seconds(2)
}
