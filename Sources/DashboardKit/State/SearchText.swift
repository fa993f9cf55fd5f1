/// The filter's text of every loaded job — lower-cased "name id user [context]" — in one
/// contiguous UTF-8 buffer indexed by slot, so 100,000 jobs cost one allocation, not 100,000
/// strings, and a search is a byte scan.
///
/// A job's name is kept once for every job of that name (the first `sharedNames` names: a
/// history repeats a few hundred), apart from the buffer; a needle is looked for in each name
/// once, and a job matches when its name or its own text does. Fields are joined by a byte no
/// one types (control characters are not keys, `KeyReader`), so no match spans two.
///
/// A search among most of the jobs (the first characters typed) scans the whole buffer at once,
/// jumping to the end of a job's text once it matched; a search among few (the narrowing that
/// follows) looks at their texts only. Either way `memchr` looks for the needle's rarest byte in
/// the buffer (counted as texts are added), and only where that byte is is the needle compared.
///
/// A job whose text changes (a renamed job) gets its new text appended; the old bytes stay until
/// the dead part outgrows the live one, then the buffer is rebuilt.
struct SearchText: Sendable {
    private var bytes: [UInt8] = []
    /// By slot: where the slot's text starts.
    private var starts: [Int32] = []
    /// While every text lies in slot order with none dead (no job was renamed since the buffer
    /// was last packed), a text's length and region follow from `starts`, and these stay empty:
    /// 1.2 MB at 100,000 jobs. By slot: how long its text is.
    private var lengths: [Int32] = []
    /// Every text written, live or dead, in buffer order: where it starts and whose it is (a
    /// dead one's slot has moved on), so a match found by scanning the buffer names its job.
    private var regions: [(start: Int32, slot: JobStore.Slot)] = []
    var inSlotOrder: Bool { regions.isEmpty }
    private var deadBytes = 0
    /// How often each byte value occurs in the buffer (dead texts included until compacted).
    private var byteCounts = [Int](repeating: 0, count: 256)
    /// The names kept once (lower-cased), by number; the number of each name as it came.
    private var names: [[UInt8]] = []
    private var nameNumbers: [String: Int32] = [:]
    /// By slot: the number of its name, or `ownName` when the name is in the slot's own text.
    private var nameOf: [Int32] = []
    private static let ownName: Int32 = -1

    /// The most names kept once; a job with another name keeps it in its own text.
    static let sharedNames = 4096

    /// The text the filter matches for a job, as one string: its fields joined by a byte no one
    /// types (what `set(_:name:id:user:context:)` keeps, in two parts).
    static func text(name: String, id: String, user: String, context: String?) -> String {
        var text = "\(name)\u{1}\(id)\u{1}\(user)"
        if let context { text += "\u{1}\(context)" }
        return text.lowercased()
    }

    /// Sets `slot`'s text from the fields the filter matches.
    mutating func set(_ slot: JobStore.Slot, name: String, id: String, user: String, context: String?) {
        var own = "\(id)\u{1}\(user)"
        if let context { own += "\u{1}\(context)" }
        // By the name as it comes: lower-cased only the first time it is met.
        var number = nameNumbers[name] ?? Self.ownName
        if number == Self.ownName, names.count < Self.sharedNames {
            number = Int32(names.count)
            names.append(Array(name.lowercased().utf8))
            nameNumbers[name] = number
        }
        set(slot, number == Self.ownName ? "\(name)\u{1}\(own)".lowercased() : own.lowercased(), name: number)
    }

    /// Sets `slot`'s own text, and the number of its name kept apart (slots arrive in order: a
    /// new slot is `count`).
    mutating func set(_ slot: JobStore.Slot, _ text: String, name: Int32 = ownName) {
        let utf8 = text.utf8
        let index = Int(slot)
        if index < nameOf.count { nameOf[index] = name } else { nameOf.append(name) }
        if index < starts.count {
            let length = self.length(index)
            if length == utf8.count {
                let start = Int(starts[index])
                if bytes[start..<start + length].elementsEqual(utf8) { return }
                for byte in bytes[start..<start + length] { byteCounts[Int(byte)] -= 1 }
                for byte in utf8 { byteCounts[Int(byte)] += 1 }
                bytes.replaceSubrange(start..<start + length, with: utf8)
                return
            }
            if inSlotOrder {
                lengths = starts.indices.map { Int32(self.length($0)) }
                regions = starts.indices.map { (starts[$0], JobStore.Slot($0)) }
            }
            deadBytes += length
            starts[index] = Int32(bytes.count)
            lengths[index] = Int32(utf8.count)
            regions.append((Int32(bytes.count), slot))
            append(utf8)
            if deadBytes > bytes.count / 2 { compact() }
        } else {
            precondition(index == starts.count, "slots are stored in order")
            if !inSlotOrder {
                lengths.append(Int32(utf8.count))
                regions.append((Int32(bytes.count), slot))
            }
            starts.append(Int32(bytes.count))
            append(utf8)
        }
    }

    private mutating func append(_ utf8: String.UTF8View) {
        bytes.append(contentsOf: utf8)
        for byte in utf8 { byteCounts[Int(byte)] += 1 }
    }

    /// The slots among `slots` whose text contains `needle` (already lower-cased), in their order.
    func matching(_ needle: String, among slots: [JobStore.Slot]) -> [JobStore.Slot] {
        guard let pattern = Pattern(needle, counts: byteCounts) else { return slots }
        let named = names.indices.map { name(Int32($0), contains: pattern) }
        func nameMatches(_ slot: JobStore.Slot) -> Bool {
            let number = nameOf[Int(slot)]
            return number != Self.ownName && named[Int(number)]
        }
        // Scanning every text costs about what looking at a quarter of them one by one does.
        if slots.count * 4 >= starts.count {
            let matched = matchedSlots(pattern)
            return slots.filter { matched[Int($0)] || nameMatches($0) }
        }
        return slots.filter { nameMatches($0) || contains($0, pattern) }
    }

    /// `slot`'s text contains `needle` (lower-cased).
    func matches(_ slot: JobStore.Slot, _ needle: String) -> Bool {
        guard let pattern = Pattern(needle, counts: byteCounts) else { return true }
        return name(nameOf[Int(slot)], contains: pattern) || contains(slot, pattern)
    }

    /// Name `number` (`ownName`: none kept apart) contains `pattern`.
    private func name(_ number: Int32, contains pattern: Pattern) -> Bool {
        number != Self.ownName && names[Int(number)].withUnsafeBytes { pattern.find(in: $0, from: 0, to: $0.count) != nil }
    }

    private func contains(_ slot: JobStore.Slot, _ pattern: Pattern) -> Bool {
        let start = Int(starts[Int(slot)])
        return bytes.withUnsafeBytes { pattern.find(in: $0, from: start, to: start + length(Int(slot))) != nil }
    }

    /// How long `index`'s text is.
    private func length(_ index: Int) -> Int {
        guard inSlotOrder else { return Int(lengths[index]) }
        return (index + 1 < starts.count ? Int(starts[index + 1]) : bytes.count) - Int(starts[index])
    }

    /// By slot: whether its text contains `pattern` (not empty). One pass over the buffer: a
    /// match inside a live text marks its slot and the scan goes on after that text; a match in
    /// a dead text or across the end of one is skipped.
    private func matchedSlots(_ pattern: Pattern) -> [Bool] {
        var matched = [Bool](repeating: false, count: starts.count)
        let ordered = inSlotOrder
        let regionCount = ordered ? starts.count : regions.count
        func regionAt(_ index: Int) -> (start: Int32, slot: JobStore.Slot) {
            ordered ? (starts[index], JobStore.Slot(index)) : regions[index]
        }
        bytes.withUnsafeBytes { buffer in
            var at = 0, region = 0
            while let position = pattern.find(in: buffer, from: at, to: buffer.count) {
                while region + 1 < regionCount, Int(regionAt(region + 1).start) <= position { region += 1 }
                let (start, slot) = regionAt(region)
                let end = Int(start) + length(Int(slot))
                if starts[Int(slot)] == start, position + pattern.bytes.count <= end {
                    matched[Int(slot)] = true
                    at = end
                } else {
                    at = position + 1
                }
            }
        }
        return matched
    }

    /// A needle and its rarest byte.
    private struct Pattern {
        let bytes: [UInt8]
        /// Where in `bytes` the rarest byte is.
        let anchor: Int

        /// Nil for the empty needle.
        init?(_ needle: String, counts: [Int]) {
            let bytes = Array(needle.utf8)
            guard let rarest = bytes.indices.min(by: { counts[Int(bytes[$0])] < counts[Int(bytes[$1])] }) else { return nil }
            self.bytes = bytes
            anchor = rarest
        }

        /// Where the needle first starts in `buffer[from..<to]`, or nil.
        func find(in buffer: UnsafeRawBufferPointer, from: Int, to end: Int) -> Int? {
            bytes.withUnsafeBytes { ByteSearch.firstOffset(of: $0, anchor: anchor, in: buffer, from: from, to: end) }
        }
    }

    private mutating func compact() {
        var packed: [UInt8] = []
        packed.reserveCapacity(bytes.count - deadBytes)
        byteCounts = [Int](repeating: 0, count: 256)
        for index in starts.indices {
            let start = Int(starts[index])
            let text = bytes[start..<start + length(index)]
            starts[index] = Int32(packed.count)
            packed.append(contentsOf: text)
            for byte in text { byteCounts[Int(byte)] += 1 }
        }
        bytes = packed
        deadBytes = 0
        // Packed in slot order: lengths and regions follow from `starts` again.
        lengths = []
        regions = []
    }
}
