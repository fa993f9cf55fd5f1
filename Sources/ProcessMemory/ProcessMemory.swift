/// How the process hands memory back to the system. A history walk decodes pages of 1,000 jobs
/// with their configurations (about 3 MB of JSON each, and its decoded copy); glibc keeps what
/// they freed for later, so without these the resident memory stays at the walk's peak for good
/// (docs/performance.md, "Memory after a history walk").
public enum ProcessMemory {
    /// Blocks of at least this many bytes get pages of their own, unmapped when freed.
    public static let largeBlock = 256 * 1024

    /// Gives every block of `largeBlock` bytes or more pages of its own. glibc's default starts
    /// there too but raises the bound to the size of each large block freed (up to 32 MB), so
    /// after the first page's buffer every later one came from the heap and stayed there.
    public static func mapLargeBlocksApart() {
        #if os(Linux)
        _ = glibcMallopt(mmapThresholdOption, Int32(largeBlock))
        #endif
    }

    /// Returns the free pages of every allocator arena to the system (`malloc_trim(0)`): a few
    /// milliseconds, worth it after a burst of freed memory (a walk's end), not at every page.
    public static func returnFreedPages() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// `M_MMAP_THRESHOLD` in <malloc.h>.
private let mmapThresholdOption: Int32 = -3

/// glibc's `mallopt(3)` and `malloc_trim(3)` (in <malloc.h>, which the Glibc module does not bring).
@_silgen_name("mallopt")
private func glibcMallopt(_ option: Int32, _ value: Int32) -> Int32

@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
