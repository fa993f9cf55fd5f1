import Testing
@testable import DashboardTerminal
#if canImport(Glibc)
import Glibc
#endif

@Suite("Mailbox wake-up")
struct MailboxTests {
    private func readable(_ mailbox: Mailbox<Int>) -> Bool {
        var fds = [pollfd(fd: mailbox.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, 0) == 1
    }

    @Test func postingWakesThePollAndDrainingQuietsIt() {
        let mailbox = Mailbox<Int>()
        #expect(!readable(mailbox))
        mailbox.post(1)
        mailbox.post(2)
        #expect(readable(mailbox))
        #expect(mailbox.drain() == [1, 2])
        #expect(!readable(mailbox))
        #expect(mailbox.drain().isEmpty)
    }

    @Test func manyPostsFromOtherThreadsAreAllDelivered() async {
        let mailbox = Mailbox<Int>()
        await withTaskGroup(of: Void.self) { group in
            for n in 0..<2000 { group.addTask { mailbox.post(n) } }
        }
        #expect(readable(mailbox))
        #expect(mailbox.drain().sorted() == Array(0..<2000))
    }
}
