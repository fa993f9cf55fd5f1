/// The filter's text of every loaded job — lower-cased "name id user [context]" — in one
/// contiguous UTF-8 buffer indexed by slot, so 100,000 jobs cost one allocation, not 100,000
/// strings, and a search is a byte scan.
///
/// A job whose text changes (a renamed job) gets its new text appended; the old bytes stay until
/// the dead part outgrows the live one, then the buffer is rebuilt.
struct SearchText: Sendable {
    private var bytes: [UInt8] = []
    /// By slot: where the slot's text starts and how long it is.
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var deadBytes = 0

    /// The text the filter matches for a job: its fields joined by a byte no one types.
    static func text(name: String, id: String, user: String, context: String?) -> String {
        var text = "\(name)\u{1}\(id)\u{1}\(user)"
        if let context { text += "\u{1}\(context)" }
        return text.lowercased()
    }

    /// Sets `slot`'s text (slots arrive in order: a new slot is `count`).
    mutating func set(_ slot: JobStore.Slot, _ text: String) {
        let utf8 = text.utf8
        let index = Int(slot)
        if index < starts.count {
            let length = Int(lengths[index])
            if length == utf8.count {
                let start = Int(starts[index])
                if bytes[start..<start + length].elementsEqual(utf8) { return }
                bytes.replaceSubrange(start..<start + length, with: utf8)
                return
            }
            deadBytes += length
            starts[index] = Int32(bytes.count)
            lengths[index] = Int32(utf8.count)
            bytes.append(contentsOf: utf8)
            if deadBytes > bytes.count / 2 { compact() }
        } else {
            precondition(index == starts.count, "slots are stored in order")
            starts.append(Int32(bytes.count))
            lengths.append(Int32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// The slots among `slots` whose text contains `needle` (already lower-cased), in their order.
    func matching(_ needle: String, among slots: some Sequence<JobStore.Slot>) -> [JobStore.Slot] {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return Array(slots) }
        return bytes.withUnsafeBufferPointer { buffer in
            slots.filter { slot in
                let start = Int(starts[Int(slot)])
                return Self.contains(UnsafeBufferPointer(rebasing: buffer[start..<start + Int(lengths[Int(slot)])]), pattern)
            }
        }
    }

    /// `slot`'s text contains `needle` (lower-cased).
    func matches(_ slot: JobStore.Slot, _ needle: String) -> Bool {
        !matching(needle, among: CollectionOfOne(slot)).isEmpty
    }

    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: [UInt8]) -> Bool {
        let first = pattern[0], count = pattern.count
        guard haystack.count >= count else { return false }
        var at = 0
        let last = haystack.count - count
        while at <= last {
            if haystack[at] == first {
                var matched = 1
                while matched < count, haystack[at + matched] == pattern[matched] { matched += 1 }
                if matched == count { return true }
            }
            at += 1
        }
        return false
    }

    private mutating func compact() {
        var packed: [UInt8] = []
        packed.reserveCapacity(bytes.count - deadBytes)
        for index in starts.indices {
            let start = Int(starts[index])
            starts[index] = Int32(packed.count)
            packed.append(contentsOf: bytes[start..<start + Int(lengths[index])])
        }
        bytes = packed
        deadBytes = 0
    }
}
