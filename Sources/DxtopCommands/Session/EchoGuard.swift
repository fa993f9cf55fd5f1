#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns terminal echo off for a password and guarantees it comes back, even when a signal ends
/// the program mid-prompt.
///
/// The saved settings live in process globals because a C signal handler cannot capture context.
/// Only the main thread prompts, one prompt at a time.
enum EchoGuard {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var savedFD: Int32 = -1
    nonisolated(unsafe) private static var previousHandlers: [Int32: sighandler_t?] = [:]
    private static let fatalSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Saves the terminal settings of `fd`, installs the restoring signal handlers, turns echo off.
    /// `discardTypedAhead` drops input typed before the prompt (right for a prompt; wrong for
    /// `--password-stdin`, where the password may already be waiting).
    static func disable(on fd: Int32, discardTypedAhead: Bool = true) -> Bool {
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0 else { return false }
        saved = settings
        savedFD = fd
        for number in fatalSignals {
            previousHandlers[number] = signal(number) { number in
                // Async-signal-safe only: restore the terminal, then die of the same signal.
                _ = tcsetattr(EchoGuard.savedFD, TCSAFLUSH, &EchoGuard.saved)
                _ = write(EchoGuard.savedFD, "\n", 1)
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        settings.c_lflag &= ~tcflag_t(ECHO)
        settings.c_lflag |= tcflag_t(ICANON)
        guard tcsetattr(fd, discardTypedAhead ? TCSAFLUSH : TCSANOW, &settings) == 0 else {
            restore()
            return false
        }
        return true
    }

    /// Puts the saved settings back and the previous signal handlers with them.
    static func restore() {
        guard savedFD >= 0 else { return }
        _ = tcsetattr(savedFD, TCSAFLUSH, &saved)
        for (number, handler) in previousHandlers {
            signal(number, handler ?? SIG_DFL)
        }
        previousHandlers = [:]
        savedFD = -1
    }
}
