import ArgumentParser
import DisplayText
import Foundation
import ICWSClient
import ICWSWire

/// `dxtop doctor [--context NAME]`: checks a server one step at a time (docs/cli.md) and says what
/// to do next at the first step that fails.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the connection to a server step by step: host, TLS, ICWS version, login, features, listing jobs.",
        discussion: "Stops at the first failing step with what to do next; exit status 1 (3 for a refused login, 4 for a missing right).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        DoctorClipboardStep(environment: environment).run()
        let context = try ContextResolver(global, environment: environment).single()
        let logger = try LoggingSetup.logger(logFile: global.logFile)
        CommandContext.warnIfInsecure(context)
        let checks = DoctorChecks(context: context, logger: logger) {
            try PasswordSource.password(for: context, environment: environment)
        }
        try checks.run()
    }
}

/// One line per step: `ok`, `warn` (not fatal) or `FAIL` with a `next:` line.
enum DoctorLine {
    static func ok(_ step: String, _ text: String) { line("ok", step, text) }
    static func warn(_ step: String, _ text: String) { line("warn", step, text) }

    /// Prints the failure and what to do, and returns the error that ends the command.
    static func fail(_ step: String, _ text: String, status: ExitStatus = .failure, next: String) -> CLIError {
        line("FAIL", step, text)
        self.next(next)
        return CLIError("doctor: the \(step) step failed", status: status)
    }

    /// The `next:` line under a warning.
    static func next(_ text: String) {
        StandardStreams.out(String(repeating: " ", count: 6) + "next: " + text)
    }

    private static func line(_ mark: String, _ step: String, _ text: String) {
        StandardStreams.out(DisplayWidth.pad(mark, to: 6) + DisplayWidth.pad(step, to: 17) + OneLine.safe(text))
    }
}
