import Testing
@testable import DashboardTerminal
#if canImport(Glibc)
import Glibc
#endif

@Suite("Wake pipe")
struct WakePipeTests {
    private func readable(_ wake: PipeWake) -> Bool {
        var fds = [pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, 0) == 1
    }

    @Test func signallingWakesThePollAndClearingQuietsIt() {
        let wake = PipeWake()
        #expect(!readable(wake))
        wake.signal()
        wake.signal()
        #expect(readable(wake))
        wake.clear()
        #expect(!readable(wake))
    }

    @Test func manySignalsFromOtherThreadsNeverBlock() async {
        let wake = PipeWake()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5000 { group.addTask { wake.signal() } }
        }
        #expect(readable(wake))
        wake.clear()
        #expect(!readable(wake))
    }
}
