import DashboardKit
import DashboardRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Keys and resizes from curses: sleeps in `poll` on stdin and the wake pipe (no timeout, so an
/// idle dashboard spends no CPU), then drains every waiting key without blocking.
final class CursesInput: InputSource {
    private let screen: CursesScreen
    private let wake: PipeWake
    private var emptyWakeups = 0
    private var mouse = MouseDecoder()

    init(screen: CursesScreen, wake: PipeWake) {
        self.screen = screen
        self.wake = wake
    }

    func waitForInput() -> [TerminalEvent] {
        var fds = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0),
        ]
        let ready = poll(&fds, 2, -1)
        if ready < 0, errno != EINTR { return [.failed("waiting for input failed: errno \(errno)")] }

        var events: [TerminalEvent] = []
        for input in mouse.decode(KeyReader.readAvailable()) {
            switch input {
            case .key(let key):
                events.append(.key(key))
            case .resize:
                let size = screen.size
                events.append(.resize(width: size.width, height: size.height))
            case .ignored:
                break
            }
        }

        // A terminal that went away (SSH drop) stays readable with nothing to read: leave
        // instead of spinning.
        let hangup = Int16(POLLHUP | POLLERR | POLLNVAL)
        if fds[0].revents & hangup != 0 { return events + [.hangup] }
        if ready > 0, fds[0].revents & Int16(POLLIN) != 0, events.isEmpty, Self.bytesWaiting(STDIN_FILENO) == 0 {
            emptyWakeups += 1
            if emptyWakeups >= 3 { return [.hangup] }
        } else {
            emptyWakeups = 0
        }
        return events
    }

    private static func bytesWaiting(_ fd: Int32) -> Int32 {
        var count: Int32 = 0
        return ioctl(fd, UInt(FIONREAD), &count) == 0 ? count : -1
    }
}
