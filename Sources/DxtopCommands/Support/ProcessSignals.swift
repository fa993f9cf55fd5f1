#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Signal set-up done once at start, before any thread exists.
public enum ProcessSignals {
    /// Unblocks SIGINT, SIGTERM, SIGHUP and SIGQUIT on the calling (main) thread; threads created
    /// later inherit the mask. A parent that spawned dxtop from a thread with signals blocked would
    /// otherwise leave Ctrl-C without effect (no echo restore, no clean exit from `jobs watch`).
    public static func unblockTerminationSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
