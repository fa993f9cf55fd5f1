import DisplayText
import Foundation

/// Where the password comes from, in order: `--password-stdin`, `$ICWS_PASSWORD`, a prompt without
/// echo on the terminal. Never from argv.
enum PasswordSource {
    static func password(user: String, server: String, fromStdin: Bool, environment: [String: String]) throws -> String {
        if fromStdin {
            guard let line = readStandardInputLine(), !line.isEmpty else {
                throw CLIError.usage("--password-stdin: standard input had no password")
            }
            return line
        }
        if let value = environment["ICWS_PASSWORD"], !value.isEmpty {
            return value
        }
        guard TerminalInput.isInteractive else {
            throw CLIError.usage("no password: set ICWS_PASSWORD, use --password-stdin, or run on a terminal to be asked")
        }
        let prompt = "Password for \(TerminalSafe.clean(user)) on \(TerminalSafe.clean(server)): "
        guard let typed = TerminalInput.readSecret(prompt: prompt), !typed.isEmpty else {
            throw CLIError.usage("no password entered")
        }
        return typed
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
