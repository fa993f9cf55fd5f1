import Foundation

/// Runs a context's `password-command` through `/bin/sh -c` and takes the first line of its
/// standard output as the password. Standard input is /dev/null; its standard error is kept for
/// the failure message only. Nothing of it is logged.
enum PasswordCommand {
    /// How long the command may take (a password store may ask for its own passphrase first).
    static let timeLimit: TimeInterval = 60

    /// `timeLimit`, or the seconds in `DXTOP_PASSWORD_COMMAND_TIMEOUT` (for tests, and slow stores).
    static func timeLimit(_ environment: [String: String]) -> TimeInterval {
        guard let seconds = environment["DXTOP_PASSWORD_COMMAND_TIMEOUT"].flatMap(TimeInterval.init), seconds > 0 else { return timeLimit }
        return seconds
    }

    static func run(_ command: String, timeLimit: TimeInterval = timeLimit) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = FileHandle.nullDevice
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let what = "password-command"
        do {
            try process.run()
        } catch {
            throw CLIError.failure("\(what) could not be started (/bin/sh)")
        }
        let stdout = PipeDrain(output.fileHandleForReading)
        let stderr = PipeDrain(errors.fileHandleForReading)
        guard exited.wait(timeout: .now() + timeLimit) == .success else {
            // Foundation starts the command in a process group of its own: end its children too.
            kill(-process.processIdentifier, SIGKILL)
            throw CLIError.failure("\(what) did not finish within \(String(format: "%g", timeLimit)) seconds")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how = process.terminationReason == .exit ? "exit status \(process.terminationStatus)" : "killed by signal \(process.terminationStatus)"
            let said = firstLine(stderr.finish(within: 5)).map { ": " + ConfigFile.visible($0) } ?? ""
            throw CLIError.failure("\(what) failed (\(how))\(said)")
        }
        guard let password = firstLine(stdout.finish(within: 5)), !password.isEmpty else {
            throw CLIError.failure("\(what) printed no password")
        }
        return password
    }

    /// The first line, without its line break (and a CR before it).
    private static func firstLine(_ data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first else { return nil }
        let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}

/// Reads a pipe to its end on a thread of its own, so a chatty command cannot block on a full pipe.
private final class PipeDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread { [self] in
            data = (try? handle.readToEnd()) ?? Data()
            done.signal()
        }.start()
    }

    /// What was read; empty when the pipe is still open after `seconds` (a child of the command holds it).
    func finish(within seconds: TimeInterval) -> Data {
        guard done.wait(timeout: .now() + seconds) == .success else { return Data() }
        return data
    }
}
