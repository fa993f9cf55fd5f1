import DashboardKit
import DisplayText
import Foundation
import ICWSClient
import Logging

/// Everything needed to reach one server, from flags, the environment and one context of the
/// config file, except the password itself (`PasswordSource` fetches it from `passwordOrigin`).
/// The several-servers dashboard takes one of these per context.
struct ResolvedContext: Sendable {
    /// The context's name; nil when no context applies (flags and environment only).
    let name: String?
    let server: ICWSServer
    let userID: String
    let passwordOrigin: PasswordOrigin
    let tls: TLSOptions
    let proxy: HTTPProxy?
    /// Cancel, submit and resubmit are refused; the dashboard has no cancel action.
    let readOnly: Bool
    /// Seconds per request; nil for the client's default.
    let timeout: Double?
    let utc: Bool
    /// The context's `color:` for its name in the dashboard.
    var color: TextColor? = nil

    var timeFormat: TimeFormat { utc ? .utc : .local }

    /// `prod`, or the server when no context applies (for messages).
    var label: String { name ?? server.description }

    /// `http://cic01:8018 as admin (context prod)`: where an action goes, for summaries and
    /// failures (server text sanitised).
    var place: String {
        "\(TerminalSafe.clean(server.description)) as \(TerminalSafe.clean(userID))" + (name.map { " (context \(TerminalSafe.clean($0)))" } ?? "")
    }

    func configuration(password: String, logger: Logger) -> ICWSClientConfiguration {
        var configuration = ICWSClientConfiguration(
            server: server, credentials: ICWSCredentials(user: userID, password: password), tls: tls, proxy: proxy,
            logger: logger)
        if let timeout { configuration.requestTimeout = .milliseconds(Int64(timeout * 1000)) }
        return configuration
    }

    /// Throws the read-only refusal (status 4) for `action` ("cancel", "submit", ...).
    func refuseIfReadOnly(_ action: String) throws {
        guard readOnly else { return }
        let whose = name.map { "context '\(TerminalSafe.clean($0))' is read-only" } ?? "read-only"
        throw CLIError("refusing to \(action): \(whose) (read-only: true in the config file)", status: .permissionDenied)
    }
}

/// Where a context's password comes from, in this order of precedence.
enum PasswordOrigin: Sendable, Equatable {
    /// `--password-stdin`.
    case standardInput
    /// `ICWS_PASSWORD`.
    case environment
    /// The context's `password-command` (run by `/bin/sh -c`).
    case command(String)
    /// Asked on the terminal.
    case prompt
}
