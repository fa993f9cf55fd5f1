#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where work off the input loop (network tasks, signal handlers) leaves items for the loop.
///
/// Posting also writes one byte to a self-pipe, so the loop can sleep in `poll` on stdin and the
/// pipe together and wake at once when anything arrives — no timeout, no ticking.
final class Mailbox<Item: Sendable>: Sendable {
    private let items = Mutex<[Item]>([])
    private let readFD: Int32
    private let writeFD: Int32

    init() {
        var fds: [Int32] = [0, 0]
        precondition(pipe(&fds) == 0, "pipe() failed")
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    /// The descriptor to watch for readability.
    var wakeDescriptor: Int32 { readFD }

    func post(_ item: Item) {
        items.withLock { $0.append(item) }
        var byte: UInt8 = 1
        // A full pipe already guarantees a wake-up, so EAGAIN is fine to ignore.
        _ = write(writeFD, &byte, 1)
    }

    /// Takes everything posted so far and clears the wake-up bytes.
    func drain() -> [Item] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readFD, &buffer, buffer.count) > 0 {}
        return items.withLock { taken in
            defer { taken.removeAll(keepingCapacity: true) }
            return taken
        }
    }
}
