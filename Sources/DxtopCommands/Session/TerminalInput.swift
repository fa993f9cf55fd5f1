import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Questions asked on the controlling terminal (`/dev/tty`): the password prompt (no echo) and
/// the y/N confirmation of `jobs cancel`.
///
/// Only used when a person is there: standard input or standard error is a terminal. In scripts
/// (pipes everywhere) nothing is asked, so nothing can hang waiting for an answer.
enum TerminalInput {
    /// True when a person can be asked something on `/dev/tty`.
    static var isInteractive: Bool {
        guard isatty(STDIN_FILENO) != 0 || isatty(STDERR_FILENO) != 0 else { return false }
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return false }
        close(fd)
        return true
    }

    /// Asks a yes/no question; anything but `y`/`yes` (including just Enter or end of input) is No.
    /// Ctrl-C ends the question at once, leaving the cursor on a new line, and reads nothing
    /// typed after it (`QuestionKeys`); so does cancelling the task. Ctrl-Z suspends as usual and
    /// the question is asked again after `fg`.
    static func confirm(_ question: String) async -> Bool {
        guard let tty = TTY.openTerminal() else { return false }
        defer { tty.closeTerminal() }
        var wake: [Int32] = [-1, -1]
        guard pipe(&wake) == 0 else { return false }
        defer { close(wake[0]); close(wake[1]) }
        let (readEnd, writeEnd) = (wake[0], wake[1])
        let keys = QuestionKeys(terminal: tty.fd)
        defer { keys?.restore() }
        while true {
            tty.send(question)
            let outcome = await withTaskCancellationHandler {
                LineReader.readLine(from: tty.fd, unless: readEnd, endings: keys?.endings ?? [])
            } onCancel: {
                var byte: UInt8 = 1
                _ = write(writeEnd, &byte, 1)
            }
            switch outcome {
            case .line(let answer):
                let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
                return word == "y" || word == "yes"
            case .ended(let byte) where byte == keys?.suspend:
                keys?.suspendProcessGroup()
            case .ended:
                tty.send("\n")
                keys?.interruptProcessGroup()
                // Until the interruption cancels this task: a No now would end the command first.
                try? await Task.sleep(for: SessionRun.interruptGrace)
                return false
            case .endOfInput, .abandoned:
                tty.send("\n")
                return false
            }
        }
    }

    /// Reads a password with echo off. Echo is restored on every way out: normal return, end of
    /// input, and SIGINT/SIGTERM/SIGHUP/SIGQUIT (the handler restores the terminal, then lets the
    /// signal take its default action). Returns nil if there is no terminal or input ended.
    static func readSecret(prompt: String) -> String? {
        guard let tty = TTY.openTerminal() else { return nil }
        defer { tty.closeTerminal() }
        tty.send(prompt)
        guard EchoGuard.disable(on: tty.fd) else {
            return nil
        }
        let line = tty.readLine()
        EchoGuard.restore()
        tty.send("\n")
        return line
    }
}

/// The controlling terminal, opened for one question.
private struct TTY {
    let fd: Int32

    static func openTerminal() -> TTY? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        return fd >= 0 ? TTY(fd: fd) : nil
    }

    func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }

    /// One line without its line ending; nil at end of input.
    func readLine() -> String? {
        LineReader.readLine(from: fd)
    }

    func closeTerminal() {
        _ = close(fd)
    }
}
