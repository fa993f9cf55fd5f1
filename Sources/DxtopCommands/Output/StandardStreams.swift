import Foundation
import Synchronization

/// Unbuffered writes to stdout and stderr, so lines reach a pipe as soon as they are written
/// (`jobs watch` is read line by line by scripts).
///
/// A closed stdout (the reader of `| head` exited) is noticed on the failing write (EPIPE; SIGPIPE
/// is ignored) and, when stdout is a pipe or socket, at once by a watcher thread; later writes are
/// dropped, running work is stopped (`SessionRun`) and dxtop exits with status 141 without a message.
enum StandardStreams {
    static func out(_ line: String) {
        guard !outputState.isClosed else { return }
        if !write(line + "\n", to: STDOUT_FILENO) { outputState.markClosed() }
    }

    static func err(_ line: String) {
        _ = write(line + "\n", to: STDERR_FILENO)
    }

    /// `dxtop: <message>` on stderr.
    static func note(_ message: String) {
        err("dxtop: " + message)
    }

    /// True when stdout is a terminal (human output may then be clipped to fit).
    static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// True once a write to stdout failed because nobody reads it any more.
    static var outputWasClosed: Bool { outputState.isClosed }

    /// Makes a closed pipe an EPIPE error instead of a silent death by SIGPIPE. Call once at start.
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Returns true when stdout is found closed; false when the waiting task is cancelled first.
    static func outputClosed() async -> Bool {
        await outputState.waitUntilClosed()
    }

    /// Writes all of `text`; false when the descriptor is a closed pipe.
    private static func write(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno != EPIPE
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }

    private static let outputState = OutputState()
}

/// Thrown out of work that was stopped because stdout was closed; the exit status is 141 (128 +
/// SIGPIPE, what a shell reports for a program killed by a closed pipe) and nothing is printed.
struct StandardOutputClosed: Error {
    static let exitStatus: Int32 = 141
}

/// Whether stdout is known to be closed, and who waits for that.
private final class OutputState: Sendable {
    private struct State {
        var closed = false
        var watching = false
        var waiters: [Int: CheckedContinuation<Bool, Never>] = [:]
        var nextWaiter = 0
    }
    private let state = Mutex(State())

    var isClosed: Bool { state.withLock { $0.closed } }

    func markClosed() {
        let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.closed = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: true) }
    }

    func waitUntilClosed() async -> Bool {
        startWatching()
        let id = state.withLock { state -> Int in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow: Bool? = state.withLock { state in
                    if state.closed { return true }
                    if Task.isCancelled { return false }
                    state.waiters[id] = continuation
                    return nil
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: false)
        }
    }

    /// For a pipe or socket, a thread blocked in poll(2) that reports the reader going away
    /// (POLLERR/POLLHUP) without anything having to be written.
    private func startWatching() {
        var info = stat()
        guard fstat(STDOUT_FILENO, &info) == 0 else { return }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFIFO || kind == S_IFSOCK else { return }
        guard state.withLock({ state in
            defer { state.watching = true }
            return !state.watching
        }) else { return }
        Thread { [self] in
            var descriptor = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
            while true {
                let ready = poll(&descriptor, 1, -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return
                }
                if descriptor.revents & Int16(POLLERR | POLLHUP | POLLNVAL) != 0 { break }
            }
            markClosed()
        }.start()
    }
}
