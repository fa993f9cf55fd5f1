import DashboardRuntime

/// SIGINT or SIGTERM arrived while a command was talking to the server. The work was cancelled and
/// the session logged out; one-shot commands exit 130 (SIGINT) or 143 (SIGTERM), `jobs watch` 0.
struct Interruption: Error, Sendable {
    let signal: Int32

    var status: ExitStatus { signal == SignalTrap.interruptSignal ? .interrupted : .terminated }
}
