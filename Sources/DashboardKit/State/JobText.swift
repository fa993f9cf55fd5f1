import SlotTable

/// A string of `JobText`: where its UTF-8 bytes are, and whether other jobs share them.
struct TextRange: Equatable, Sendable {
    let start: UInt32
    private let lengthAndSharing: UInt32
    private static let sharedBit: UInt32 = 1 << 31

    /// No string (nil).
    static let none = TextRange(start: .max, lengthAndSharing: .max)

    private init(start: UInt32, lengthAndSharing: UInt32) {
        self.start = start
        self.lengthAndSharing = lengthAndSharing
    }

    init(start: Int, length: Int, shared: Bool) {
        self.init(start: UInt32(start), lengthAndSharing: UInt32(length) | (shared ? Self.sharedBit : 0))
    }

    var length: Int { Int(lengthAndSharing & ~Self.sharedBit) }
    var isShared: Bool { self != .none && lengthAndSharing & Self.sharedBit != 0 }
}

/// The strings of every loaded job in one UTF-8 buffer. The first `sharedLimit` distinct strings
/// are kept once and shared: a realistic history repeats a few hundred names, users and errors
/// across 100,000 jobs (and each output folder is a repeated part, the job's id, and another:
/// `JobStore` stores the parts). Other strings are appended; a replaced one's bytes are dead
/// until the store packs its strings into a new `JobText` (`copy`).
struct JobText: Sendable {
    private var bytes: [UInt8] = []
    private(set) var deadBytes = 0
    /// The shared strings; the table finds one by the hash of its bytes.
    private var sharedRanges: [TextRange] = []
    private var shared = SlotTable()
    /// Beyond it, a history of distinct strings would grow the table for nothing.
    static let sharedLimit = 4096

    var count: Int { bytes.count }

    /// The range holding `string`: `old` when it holds the same bytes and no other job's, a shared
    /// range holding them, or new bytes. `old`'s own bytes are dead once it no longer holds them.
    mutating func store(_ string: String?, replacing old: TextRange) -> TextRange {
        guard var string else { return store(nil as UnsafeBufferPointer<UInt8>?, replacing: old) }
        return string.withUTF8 { store($0, replacing: old) }
    }

    /// `store(_:replacing:)` for UTF-8 bytes (a part of a string).
    mutating func store(_ utf8: UnsafeBufferPointer<UInt8>?, replacing old: TextRange) -> TextRange {
        guard let utf8 else {
            release(old)
            return .none
        }
        if old != .none, !old.isShared, holds(old, utf8) { return old }
        release(old)
        return store(utf8)
    }

    func string(_ range: TextRange) -> String? {
        guard range != .none else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(range.start)..<Int(range.start) + range.length]), as: UTF8.self)
        }
    }

    /// `range` of `old` stored here (a store packing its strings into a new buffer).
    mutating func copy(_ range: TextRange, from old: JobText) -> TextRange {
        guard range != .none else { return .none }
        return old.bytes.withUnsafeBufferPointer { buffer in
            store(UnsafeBufferPointer(rebasing: buffer[Int(range.start)..<Int(range.start) + range.length]))
        }
    }

    private mutating func store(_ utf8: UnsafeBufferPointer<UInt8>) -> TextRange {
        let hash = Self.hash(utf8)
        if let slot = shared.find(hash: hash, matches: { holds(sharedRanges[Int($0)], utf8) }) {
            return sharedRanges[Int(slot)]
        }
        let sharing = sharedRanges.count < Self.sharedLimit
        let range = TextRange(start: bytes.count, length: utf8.count, shared: sharing)
        bytes.append(contentsOf: utf8)
        if sharing {
            sharedRanges.append(range)
            let (bytes, ranges) = (bytes, sharedRanges)
            shared.insert(SlotTable.Slot(ranges.count - 1), hash: hash) { slot in
                let range = ranges[Int(slot)]
                return bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[Int(range.start)..<Int(range.start) + range.length])) }
            }
        }
        return range
    }

    private mutating func release(_ old: TextRange) {
        if old != .none, !old.isShared { deadBytes += old.length }
    }

    private func holds(_ range: TextRange, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        range.length == utf8.count && bytes[Int(range.start)..<Int(range.start) + range.length].elementsEqual(utf8)
    }

    private static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        return hasher.finalize()
    }
}
