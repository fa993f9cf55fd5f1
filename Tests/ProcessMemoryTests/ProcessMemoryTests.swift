#if os(Linux)
import Glibc
import ProcessMemory
import Testing

@Suite("Handing freed memory back")
struct ProcessMemoryTests {
    /// glibc gives a block pages of its own (mapped, so its address is 16 bytes past a page
    /// boundary) when it is above the bound and the heap has no room for it; by default each such
    /// block freed raises the bound to its size, so the next, smaller, page buffer came from the
    /// heap, which keeps it. The sizes are large enough for no heap of this test process to have
    /// room for them, and under glibc's 32 MB ceiling on the raised bound.
    @Test func aLargeBlockFreedLeavesTheNextOnPagesOfItsOwn() {
        ProcessMemory.mapLargeBlocksApart()
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        for round in 1...3 {
            free(malloc(31 * 1024 * 1024))
            let block = malloc(24 * 1024 * 1024)!
            let address = UInt(bitPattern: block)
            free(block)
            #expect((address - 16) % page == 0, "round \(round): mapped apart after a larger block was freed")
        }
    }
}
#endif
