import DashboardKit

/// Everything that reaches the input loop through the mailbox.
enum AppEvent: Sendable {
    /// A result from the network, or a timer, for the update function.
    case action(Action)
    /// The dashboard cannot go on (bad credentials, unsupported server): leave with this message and status.
    case fatal(message: String, status: Int32)
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case signal(Int32)
}
