/// Hands memory freed by a listing back to the system. A listing decodes pages of 500 jobs with
/// their configurations on several servers at once; glibc keeps what they freed in its per-thread
/// arenas, so without this the exporter's resident memory stays at the listing's peak for good
/// (docs/performance.md, "Exporter").
enum ReleaseFreedMemory {
    static func now() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `malloc_trim(3)` (in <malloc.h>, which the Glibc module does not bring).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
