import DisplayText
import Foundation
import ICWSClient
import ICWSWire
import Logging

/// The steps of `dxtop doctor`, in order; each throws (after printing FAIL and a hint) to stop.
struct DoctorChecks: Sendable {
    let context: ResolvedContext
    let logger: Logger
    /// Asked only when the login step is reached.
    let password: @Sendable () throws -> String

    private var server: ICWSServer { context.server }
    private var seconds: Double { context.timeout ?? 10 }
    private var contextHint: String { NextStep.contextHint(context) }

    func run() throws {
        DoctorLine.ok("server", "\(server) as \(TerminalSafe.clean(context.userID))" + (context.name.map { " (context \(TerminalSafe.clean($0)))" } ?? ""))
        try reach()
        let discovery = try ICWSDiscovery(configuration: context.configuration(password: "", logger: logger))
        defer { _ = try? SessionRun.blocking([]) { _ in await discovery.shutdown() } }
        try tlsAndVersion(discovery)
        let password: String
        do {
            password = try self.password()
        } catch {
            throw DoctorLine.fail("login", FailureReport.describe(error), status: (error as? CLIError)?.status ?? .failure,
                                  next: "give the password by ICWS_PASSWORD, --password-stdin, a working password-command\(contextHint), or run on a terminal")
        }
        let configuration = context.configuration(password: password, logger: logger)
        let features = (try? SessionRun.blocking([]) { _ in try await discovery.features() }) ?? [:]
        try SessionRun.blocking([configuration]) { sessions in
            try await afterLogin(sessions[0], features: features)
        }
        DoctorLine.ok("done", "every check passed")
    }

    private func reach() throws {
        let (host, port, what) = context.proxy.map { ($0.host, $0.port, "the proxy \($0)") } ?? (server.host, server.port, "\(server.host):\(server.port)")
        if let problem = TCPReach.problem(host: host, port: port, within: seconds) {
            throw DoctorLine.fail("reach", "cannot connect to \(what): \(problem)",
                                  next: NextStep.reach(context))
        }
        DoctorLine.ok("reach", "\(what) accepts connections")
    }

    private func tlsAndVersion(_ discovery: ICWSDiscovery) throws {
        let tlsStep = DoctorTLSStep(context: context, seconds: seconds, contextHint: contextHint)
        try tlsStep.run()
        let version: VersionInfo
        do {
            version = try SessionRun.blocking([]) { _ in try await discovery.version() }
        } catch {
            let message = FailureReport.describe(error)
            if message.contains("TLS failure") {  // behind a proxy, where the TLS step could not look
                throw DoctorLine.fail("tls", message, next: tlsStep.next(.other(message)))
            }
            throw DoctorLine.fail("version", message,
                                  next: "the server answered but not as ICWS: check the port (8019 for HTTPS, 8018 for HTTP) and that the ICWS SDK licence is active")
        }
        let release = version.productReleaseDisplayString.map { "CIC \($0)" } ?? "CIC \(version.majorVersion).\(version.minorVersion)"
        DoctorLine.ok("version", "\(TerminalSafe.clean(release)) (build \(TerminalSafe.clean(version.build)))")
    }

    private func afterLogin(_ session: ICWSSession, features: [String: Int]) async throws {
        let info: SessionInfo
        do {
            info = try await session.connect()
        } catch let error as ICWSError {
            if case .featureMissing = error {
                DoctorLine.ok("login", "accepted")
                throw DoctorLine.fail("data-extractor", error.description, next: "dxtop needs the server's data-extractor feature at version 2 or later; ask the CIC administrator which release provides it")
            }
            if case .authenticationFailed = error {
                throw DoctorLine.fail("login", error.description, status: .authentication,
                                      next: NextStep.login(context))
            }
            throw DoctorLine.fail("login", error.description, status: ExitStatus(error.failure.kind), next: "see the server's message above")
        }
        DoctorLine.ok("login", "as \(TerminalSafe.clean(info.userDisplayName ?? info.userID))")
        DoctorLine.ok("data-extractor", "version \(info.dataExtractorVersion)")
        switch info.messagingVersion {
        case let version? where info.supportsServerSentEvents: DoctorLine.ok("messaging", "version \(version): server-sent events")
        case let version?: DoctorLine.ok("messaging", "version \(version): polling (no server-sent events)")
        case nil: DoctorLine.warn("messaging", "no messaging feature listed: job updates come by polling")
        }
        if let version = features["data-dictionary"], version >= 2 {
            DoctorLine.ok("data-dictionary", "version \(version)")
        } else {
            DoctorLine.warn("data-dictionary", "missing or below version 2: composing jobs from the dictionary will not work")
        }
        do {
            let jobs = try await session.listJobs(count: 1, fromJobId: nil, mode: .status)
            DoctorLine.ok("list jobs", jobs.isEmpty ? "allowed (no jobs yet)" : "allowed")
        } catch let error as ICWSError {
            throw DoctorLine.fail("list jobs", error.description, status: ExitStatus(error.failure.kind),
                                  next: NextStep.rights)
        }
    }
}
