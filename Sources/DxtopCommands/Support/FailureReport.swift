import ArgumentParser
import DisplayText
import ICWSClient
import ICWSWire

/// Turns whatever a command threw into the process exit status, after writing the message:
/// help and `--version` text to stdout (status 0), everything else as exactly one line
/// `dxtop: <message>` on stderr. Command-line mistakes found by the parser end with
/// `(see 'dxtop jobs list --help')`.
///
/// Statuses: 1 failure, 2 usage (ArgumentParser's validation errors, normally 64, become 2),
/// 3 authentication, 4 permission denied, 130/143 interrupted by SIGINT/SIGTERM.
public enum FailureReport {
    public static func exitStatus(for error: any Error) -> Int32 {
        exitStatus(for: error, adding: "")
    }

    /// `suffix` ends the line (what was written before a failure).
    private static func exitStatus(for error: any Error, adding suffix: String) -> Int32 {
        if let partial = error as? PartialOutput {
            return exitStatus(for: partial.cause, adding: partial.note)
        }
        if let error = error as? ContextFailure {
            StandardStreams.note(error.message + suffix)
            return ExitStatus(error.kind).rawValue
        }
        if let error = error as? CLIError {
            StandardStreams.note(OneLine.safe(error.message) + suffix)
            return error.status.rawValue
        }
        if error is ICWSError || error is Failure {
            let failure = Failure(error)
            StandardStreams.note(OneLine.safe(failure.message) + suffix)
            return ExitStatus(failure.kind).rawValue
        }
        if let interruption = error as? Interruption {
            StandardStreams.note("interrupted" + suffix)
            return interruption.status.rawValue
        }
        if error is StandardOutputClosed {
            return StandardOutputClosed.exitStatus
        }
        if let code = error as? ExitCode {
            if !suffix.isEmpty { StandardStreams.note("failed" + suffix) }
            return code.rawValue
        }
        let code = Dxtop.exitCode(for: error)
        if code == .success {
            StandardStreams.out(Dxtop.fullMessage(for: error))
            return ExitStatus.ok.rawValue
        }
        if code == .validationFailure {
            let hint = helpCommand(for: error).map { " (see '\($0) --help')" } ?? ""
            StandardStreams.note(OneLine.safe(Dxtop.message(for: error)) + hint)
            return ExitStatus.usage.rawValue
        }
        StandardStreams.note(OneLine.safe(describe(error)) + suffix)
        return ExitStatus.failure.rawValue
    }

    /// A one-line description of any error, for messages.
    static func describe(_ error: any Error) -> String {
        if let error = error as? CLIError { return error.message }
        if let error = error as? ContextFailure { return error.message }
        return String(describing: error)
    }

    /// `dxtop jobs list` from ArgumentParser's "See 'dxtop jobs list --help' for more information."
    private static func helpCommand(for error: any Error) -> String? {
        let full = Dxtop.fullMessage(for: error)
        guard let match = full.firstMatch(of: /See '([^'\n]+) --help'/) else { return nil }
        return String(match.output.1)
    }
}
