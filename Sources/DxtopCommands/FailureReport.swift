import ArgumentParser
import DisplayText
import ICWSClient

/// Turns whatever a command threw into the process exit status, after writing the message:
/// help and `--version` text to stdout (status 0), everything else as `dxtop: <message>` on stderr.
///
/// Statuses: 1 failure, 2 usage (ArgumentParser's validation errors, normally 64, become 2),
/// 3 authentication, 4 permission denied.
public enum FailureReport {
    public static func exitStatus(for error: any Error) -> Int32 {
        if let error = error as? CLIError {
            StandardStreams.note(TerminalSafe.clean(error.message))
            return error.status.rawValue
        }
        if let error = error as? ICWSError {
            StandardStreams.note(TerminalSafe.clean(error.description))
            return ICWSErrorStatus.status(for: error).rawValue
        }
        if let code = error as? ExitCode {
            return code.rawValue
        }
        let code = Dxtop.exitCode(for: error)
        if code == .success {
            StandardStreams.out(Dxtop.fullMessage(for: error))
            return ExitStatus.ok.rawValue
        }
        if code == .validationFailure {
            StandardStreams.note(Dxtop.message(for: error))
            if let hint = usageHint(for: error) { StandardStreams.err(hint) }
            return ExitStatus.usage.rawValue
        }
        StandardStreams.note(TerminalSafe.clean(describe(error)))
        return ExitStatus.failure.rawValue
    }

    /// A one-line description of any error, for messages.
    static func describe(_ error: any Error) -> String {
        if let error = error as? CLIError { return error.message }
        return String(describing: error)
    }

    /// The "Usage:" and "See '... --help'" lines ArgumentParser would print.
    private static func usageHint(for error: any Error) -> String? {
        let lines = Dxtop.fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.drop { !$0.hasPrefix("Usage:") }
        return kept.isEmpty ? nil : kept.joined(separator: "\n")
    }
}
