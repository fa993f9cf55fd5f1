import DisplayText
import Foundation

/// Where the password comes from, in order: `--password-stdin`, `$ICWS_PASSWORD`, the context's
/// `password-command`, a prompt without echo on the terminal (once per user and server). Never from argv.
enum PasswordSource {
    /// The password of each context, in order (a failed one does not stop the others); asks at most
    /// once for the same user on the same server.
    static func passwords(for contexts: [ResolvedContext], environment: [String: String]) -> [Result<String, any Error>] {
        var asked: [String: String] = [:]
        return contexts.map { context in
            let key = "\(context.userID)@\(context.server)"
            if context.passwordOrigin == .prompt, let known = asked[key] { return .success(known) }
            let outcome = Result { try password(for: context, environment: environment) }
            if context.passwordOrigin == .prompt, case .success(let typed) = outcome { asked[key] = typed }
            return outcome
        }
    }

    static func password(for context: ResolvedContext, environment: [String: String]) throws -> String {
        switch context.passwordOrigin {
        case .standardInput:
            guard let line = readStandardInputLine(), !line.isEmpty else {
                throw CLIError.usage("--password-stdin: standard input had no password")
            }
            return line
        case .environment:
            return environment["ICWS_PASSWORD"] ?? ""
        case .command(let command):
            do {
                return try PasswordCommand.run(command, timeLimit: PasswordCommand.timeLimit(environment))
            } catch let error as CLIError {
                throw CLIError(context.name.map { "context '\(ConfigFile.visible($0))': " + error.message } ?? error.message, status: error.status)
            }
        case .prompt:
            guard TerminalInput.isInteractive else {
                throw CLIError.usage("no password: set ICWS_PASSWORD, use --password-stdin, add a password-command to the context, or run on a terminal to be asked")
            }
            let prompt = "Password for \(TerminalSafe.clean(context.userID)) on \(TerminalSafe.clean(context.server.description)): "
            guard let typed = TerminalInput.readSecret(prompt: prompt), !typed.isEmpty else {
                throw CLIError.usage("no password entered")
            }
            return typed
        }
    }

    /// The first line of standard input. When standard input is a terminal (someone typing it after
    /// `--password-stdin`), echo is off while it is read and restored afterwards, also on a signal.
    private static func readStandardInputLine() -> String? {
        guard isatty(STDIN_FILENO) != 0, EchoGuard.disable(on: STDIN_FILENO, discardTypedAhead: false) else {
            return LineReader.readLine(from: STDIN_FILENO)
        }
        let line = LineReader.readLine(from: STDIN_FILENO)
        EchoGuard.restore()
        return line
    }
}
