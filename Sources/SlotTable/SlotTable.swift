/// A hash table of slots (indices of an array of the caller's) whose keys live elsewhere (the
/// dashboard's job keys and id prefixes, the insight model's jobs): 4 bytes a bucket, where a
/// dictionary from a key to its slot keeps a copy of every key (≈ 75 bytes a job for
/// `[JobKey: Slot]` at 100,000 jobs). The caller hashes and compares keys through the slots.
/// Open addressing with linear probing, at most half full.
public struct SlotTable: Sendable {
    /// `Int32`: half the memory of `Int` in every per-slot array, and 2 billion slots.
    public typealias Slot = Int32

    private var buckets: [Slot] = []
    public private(set) var count = 0
    private static let empty: Slot = -1

    public init() {}

    /// The stored slot whose key hashes to `hash` and `matches`, or nil.
    public func find(hash: Int, matches: (Slot) -> Bool) -> Slot? {
        guard !buckets.isEmpty else { return nil }
        let mask = buckets.count - 1
        var bucket = hash & mask
        while buckets[bucket] != Self.empty {
            if matches(buckets[bucket]) { return buckets[bucket] }
            bucket = (bucket + 1) & mask
        }
        return nil
    }

    /// Stores `slot`, whose key hashes to `hash` and equals no stored slot's key; `hashOf` gives
    /// the hash of any stored slot's key (the table grows by placing them again).
    public mutating func insert(_ slot: Slot, hash: Int, hashOf: (Slot) -> Int) {
        if (count + 1) * 2 > buckets.count { rehash(capacity: max(16, buckets.count * 2), hashOf: hashOf) }
        place(slot, hash: hash)
    }

    /// Places every stored slot again by `hashOf` (their keys changed, none equal to another).
    public mutating func rehash(hashOf: (Slot) -> Int) {
        rehash(capacity: buckets.count, hashOf: hashOf)
    }

    private mutating func rehash(capacity: Int, hashOf: (Slot) -> Int) {
        let old = buckets
        buckets = Array(repeating: Self.empty, count: capacity)
        count = 0
        for slot in old where slot != Self.empty { place(slot, hash: hashOf(slot)) }
    }

    private mutating func place(_ slot: Slot, hash: Int) {
        let mask = buckets.count - 1
        var bucket = hash & mask
        while buckets[bucket] != Self.empty { bucket = (bucket + 1) & mask }
        buckets[bucket] = slot
        count += 1
    }
}
