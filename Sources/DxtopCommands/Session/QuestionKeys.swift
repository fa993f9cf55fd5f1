#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's interrupt and suspend keys while a y/N question waits: read as bytes, in order
/// with what is typed, instead of as signals (ISIG off; each ends the line, as VEOL and VEOL2).
/// A signal raced the reading: a line typed right after Ctrl-C could be read as the answer and
/// never reach the shell. Signals from elsewhere (`kill`) still cancel the question's task.
struct QuestionKeys {
    private let fd: Int32
    private let saved: termios
    private let reading: termios
    let interrupt: UInt8?
    let suspend: UInt8?

    /// Nil when `fd` is not a terminal whose keys raise signals: nothing to change.
    init?(terminal fd: Int32) {
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0, settings.c_lflag & tcflag_t(ISIG) != 0 else { return nil }
        self.fd = fd
        saved = settings
        let disabled = cc_t(truncatingIfNeeded: fpathconf(fd, Int32(_PC_VDISABLE)))
        let (interrupt, suspend) = withUnsafeBytes(of: settings.c_cc) { ($0[Int(VINTR)], $0[Int(VSUSP)]) }
        self.interrupt = interrupt == disabled ? nil : interrupt
        self.suspend = suspend == disabled ? nil : suspend
        settings.c_lflag &= ~tcflag_t(ISIG)
        withUnsafeMutableBytes(of: &settings.c_cc) {
            $0[Int(VEOL)] = interrupt
            $0[Int(VEOL2)] = suspend
        }
        reading = settings
        guard tcsetattr(fd, TCSANOW, &settings) == 0 else { return nil }
    }

    var endings: Set<UInt8> { Set([interrupt, suspend].compactMap { $0 }) }

    /// The terminal as it was; what is typed ahead stays for the shell.
    func restore() {
        var settings = saved
        _ = tcsetattr(fd, TCSANOW, &settings)
    }

    /// What the terminal does with its interrupt key: SIGINT to its foreground process group
    /// (whose trap then cancels the question's task).
    func interruptProcessGroup() {
        restore()
        signalProcessGroup(SIGINT)
    }

    /// What the terminal does with its suspend key: SIGTSTP to its foreground process group
    /// (unless this process ignores it, as the terminal would). Returns once the process is
    /// continued (`fg`), with the question's settings back. The group's signal may stop this
    /// process only after this thread has gone on, so the return waits for SIGCONT, not `kill`.
    func suspendProcessGroup() {
        let stop = signal(SIGTSTP, SIG_DFL)
        signal(SIGTSTP, stop)
        guard unsafeBitCast(stop, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { return }
        var continued: [Int32] = [-1, -1]
        guard pipe(&continued) == 0 else { return }
        defer { close(continued[0]); close(continued[1]) }
        Self.continuedWriteEnd = continued[1]
        let previous = signal(SIGCONT) { _ in
            var byte: UInt8 = 1
            _ = write(QuestionKeys.continuedWriteEnd, &byte, 1)
        }
        defer { signal(SIGCONT, previous) }
        restore()
        signalProcessGroup(SIGTSTP)
        var watched = pollfd(fd: continued[0], events: Int16(POLLIN), revents: 0)
        while poll(&watched, 1, -1) < 0 && errno == EINTR {}
        var settings = reading
        _ = tcsetattr(fd, TCSANOW, &settings)
    }

    /// Where the SIGCONT handler says the process was continued (a C handler captures nothing).
    nonisolated(unsafe) private static var continuedWriteEnd: Int32 = -1

    private func signalProcessGroup(_ number: Int32) {
        let group = tcgetpgrp(fd)
        if group > 0 { _ = kill(-group, number) } else { _ = raise(number) }
    }
}
