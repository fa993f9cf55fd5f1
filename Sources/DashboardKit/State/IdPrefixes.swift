import SlotTable

/// How many leading characters tell the loaded job ids apart, kept up to date as ids arrive.
///
/// Job ids are GUIDs (36 characters); the list shows the shortest prefix unique among the loaded
/// jobs, at least `minimum` characters: one more than the longest prefix two ids share. The ids
/// are kept by their prefix of the current length, so a new id costs one look-up: no other id
/// with the same prefix means it shares fewer characters with every id than the length shows;
/// one with the same prefix is the only one it can share more with, and the length grows (then
/// the table is rebuilt, which happens a handful of times as the list grows, never per page).
///
/// The table holds slots, not strings: the ids are the store's, read through `id` (a dictionary
/// of prefixes took ≈ 190 bytes a job at 100,000 jobs).
struct IdPrefixes: Sendable {
    typealias Slot = JobStore.Slot
    static let minimum = 8

    /// Slots by the hash of their id's prefix of `length` characters.
    private var table = SlotTable()
    /// The longest prefix (in characters) two different ids share.
    private var longestShared = 0

    /// Characters of each id the list shows (an id shorter than this is shown whole).
    var length: Int { max(Self.minimum, longestShared + 1) }

    /// Takes in the id of `slot`; `id` gives the id of any slot taken in so far.
    mutating func insert(_ slot: Slot, id: (Slot) -> String) {
        let new = id(slot)
        var shown = length
        let prefix = new.prefix(shown)
        if let other = table.find(hash: prefix.hashValue, matches: { id($0).prefix(shown) == prefix }) {
            let known = id(other)
            guard known != new else { return }
            longestShared = Self.shared(known, new)
            shown = length
            table.rehash { id($0).prefix(shown).hashValue }
        }
        table.insert(slot, hash: new.prefix(shown).hashValue) { id($0).prefix(shown).hashValue }
    }

    /// The part of `id` the list shows.
    func prefix(of id: String) -> Substring { id.prefix(length) }

    private static func shared(_ a: String, _ b: String) -> Int {
        var count = 0
        for (x, y) in zip(a, b) {
            guard x == y else { break }
            count += 1
        }
        return count
    }
}
