#if os(Linux)
import Glibc
import ProcessMemory
import Testing

@Suite("Handing freed memory back")
struct ProcessMemoryTests {
    /// glibc gives a block pages of its own (mapped, so its address is 16 bytes past a page
    /// boundary) when it is above the bound; by default each such block freed raises the bound to
    /// its size, and the next page's buffer of the same size came from the heap, which keeps it.
    @Test func aLargeBlockFreedLeavesTheNextOnPagesOfItsOwn() {
        ProcessMemory.mapLargeBlocksApart()
        let size = 3 * 1024 * 1024
        for round in 1...3 {
            let block = malloc(size)!
            let address = UInt(bitPattern: block)
            free(block)
            #expect((address - 16) % UInt(sysconf(Int32(_SC_PAGESIZE))) == 0, "round \(round): mapped apart")
        }
    }
}
#endif
