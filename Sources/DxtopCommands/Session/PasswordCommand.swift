import ChildProcess
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
        let what = "password-command"
        let process: ChildProcess
        do {
            process = try ChildProcess(executable: "/bin/sh", arguments: ["-c", command], stdin: .null, stdout: .pipe, stderr: .pipe)
        } catch {
            throw CLIError.failure("\(what) could not be started (/bin/sh)")
        }
        let stdout = PipeDrain(process.standardOutput)
        let stderr = PipeDrain(process.standardError)
        guard let ending = process.wait(timeout: .milliseconds(Int(timeLimit * 1000))) else {
            // The command runs in a process group of its own: end its children too.
            process.send(SIGKILL, toGroup: true)
            throw CLIError.failure("\(what) did not finish within \(String(format: "%g", timeLimit)) seconds")
        }
        guard ending == .exited(0) else {
            let how = switch ending {
            case .exited(let code): "exit status \(code)"
            case .signaled(let signal): "killed by signal \(signal)"
            }
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
final class PipeDrain: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle?) {
        Thread { [self] in
            data = (try? handle?.readToEnd()) ?? Data()
            done.signal()
        }.start()
    }

    /// What was read; empty when the pipe is still open after `seconds` (a child of the command holds it).
    func finish(within seconds: TimeInterval) -> Data {
        guard done.wait(timeout: .now() + seconds) == .success else { return Data() }
        return data
    }
}
