import Dispatch
import Foundation
import Glibc

/// A child process started with `posix_spawn`, for the places that run one (the password command,
/// the tests' harnesses). Not Foundation's `Process`: on Linux its `run()` (swift-corelibs-foundation
/// as of Swift 6.3.1) walks `/proc/self/fd` copying each entry's whole 256-byte name field, reads
/// past the end of glibc's directory buffer when many descriptors are open, and crashes the parent
/// (swift-corelibs-foundation#5472; seen here killing the test process). The child here gets its
/// descriptors above 2 closed by `posix_spawn` itself, every signal back at its default, an empty
/// signal mask, and a process group of its own (as `Process` gives it).
public final class ChildProcess: @unchecked Sendable {
    /// Where one of the child's standard streams goes.
    public enum Stream {
        case inherit
        case null
        /// A new pipe; the parent's end is in `standardInput` / `standardOutput` / `standardError`.
        case pipe
        /// This descriptor of the parent (kept open in the parent).
        case descriptor(Int32)
    }

    /// How the child ended.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)

        /// What a shell reports: the exit status, or 128 + the signal.
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signaled(let signal): 128 + signal
            }
        }
    }

    public let pid: pid_t
    /// The parent's ends of the `.pipe` streams.
    public let standardInput: FileHandle?
    public let standardOutput: FileHandle?
    public let standardError: FileHandle?

    private let ended = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var ending: Termination?

    /// Starts `executable` (an absolute path) with `arguments` (without argv[0]) and `environment`
    /// (nil: this process's).
    public init(executable: String, arguments: [String], environment: [String: String]? = nil,
                stdin: Stream = .inherit, stdout: Stream = .inherit, stderr: Stream = .inherit) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        var parentEnds: [FileHandle?] = []
        for (target, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .inherit:
                parentEnds.append(nil)
            case .null:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
                parentEnds.append(nil)
            case .descriptor(let fd):
                posix_spawn_file_actions_adddup2(&actions, fd, target)
                parentEnds.append(nil)
            case .pipe:
                var fds: [Int32] = [-1, -1]
                // Not inherited by other children either way: each closes every descriptor above 2.
                guard pipe(&fds) == 0, fcntl(fds[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(fds[1], F_SETFD, FD_CLOEXEC) == 0 else {
                    for handle in parentEnds { try? handle?.close() }
                    throw SpawnFailure(executable: executable, code: errno)
                }
                let (child, parent) = target == 0 ? (fds[0], fds[1]) : (fds[1], fds[0])
                childEnds.append(child)
                posix_spawn_file_actions_adddup2(&actions, child, target)
                parentEnds.append(FileHandle(fileDescriptor: parent, closeOnDealloc: true))
            }
        }
        Self.closeDescriptorsAbove2(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp ?? [] { free(pointer) }
        }
        var child: pid_t = 0
        let result = envp.map { envp in posix_spawn(&child, executable, &actions, &attributes, argv, envp) }
            ?? posix_spawn(&child, executable, &actions, &attributes, argv, environ)
        guard result == 0 else {
            for handle in parentEnds { try? handle?.close() }
            throw SpawnFailure(executable: executable, code: result)
        }
        pid = child
        (standardInput, standardOutput, standardError) = (parentEnds[0], parentEnds[1], parentEnds[2])
        let reaper = Thread { [self] in reap() }
        reaper.name = "reaper of \(child)"
        reaper.start()
    }

    /// How the child ended; nil while it runs.
    public var termination: Termination? { lock.withLock { ending } }

    public var isRunning: Bool { termination == nil }

    /// Waits (blocking) until the child ends, at most `timeout`; nil if it is still running then.
    @discardableResult
    public func wait(timeout: Duration? = nil) -> Termination? {
        let deadline = timeout.map { limit in
            let (seconds, attoseconds) = limit.components
            return DispatchTime.now() + .nanoseconds(Int(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
        }
        guard ended.wait(timeout: deadline ?? .distantFuture) == .success else { return nil }
        ended.signal()  // for the next waiter
        return termination
    }

    /// Sends `signal` to the child, or to its whole process group.
    public func send(_ signal: Int32, toGroup: Bool = false) {
        guard isRunning else { return }
        kill(toGroup ? -pid : pid, signal)
    }

    private func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let low = status & 0x7f
        let how: Termination = low == 0 ? .exited((status >> 8) & 0xff) : .signaled(low)
        lock.withLock { ending = how }
        ended.signal()
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34) is not in Swift's Glibc module; it
    /// is looked up once. Without it every descriptor from 3 to the limit is closed one by one.
    private static func closeDescriptorsAbove2(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom {
            _ = closeFrom(&actions, 3)
            return
        }
        for fd in 3..<max(3, Int32(min(sysconf(Int32(_SC_OPEN_MAX)), 65536))) {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()
}

/// `posix_spawn` (or a pipe for it) failed.
public struct SpawnFailure: Error, CustomStringConvertible {
    public let executable: String
    public let code: Int32

    public var description: String { "cannot run \(executable): \(String(cString: strerror(code)))" }
}
