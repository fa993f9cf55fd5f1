#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding bytes in bytes: `memchr` for one byte of the needle, `memcmp` for the rest. Swift's
/// Glibc module has no `memmem` (a GNU extension), and Foundation's generic `firstRange(of:)`
/// took a fifth of the CPU of a warm start of 100,000 jobs.
enum ByteSearch {
    /// Where `needle` first starts in `buffer[from..<end]`, nil for none or an empty needle.
    /// `anchor`: the needle's byte `memchr` looks for (its rarest, when the caller knows).
    static func firstOffset(of needle: UnsafeRawBufferPointer, anchor: Int = 0,
                            in buffer: UnsafeRawBufferPointer, from: Int = 0, to end: Int) -> Int? {
        guard let base = buffer.baseAddress, let needleBase = needle.baseAddress, anchor < needle.count else { return nil }
        let count = needle.count
        var at = from + anchor
        while end - at >= count - anchor {
            guard let hit = memchr(base + at, Int32(needle[anchor]), end - at - (count - anchor) + 1) else { return nil }
            let start = base.distance(to: UnsafeRawPointer(hit)) - anchor
            if memcmp(base + start, needleBase, count) == 0 { return start }
            at = start + anchor + 1
        }
        return nil
    }
}
