/// How many leading characters tell the loaded job ids apart, kept up to date as ids arrive.
///
/// Job ids are GUIDs (36 characters); the list shows the shortest prefix unique among the loaded
/// jobs, at least `minimum` characters: one more than the longest prefix two ids share. The ids
/// are kept by their prefix of the current length, so a new id costs one look-up: no other id
/// with the same prefix means it shares fewer characters with every id than the length shows;
/// one with the same prefix is the only one it can share more with, and the length grows (then
/// the table is rebuilt, which happens a handful of times as the list grows, never per page).
struct IdPrefixes: Equatable, Sendable {
    static let minimum = 8

    /// Every id seen, by its first `length` characters.
    private var byPrefix: [Substring: String] = [:]
    /// The longest prefix (in characters) two different ids share.
    private var longestShared = 0

    /// Characters of each id the list shows (an id shorter than this is shown whole).
    var length: Int { max(Self.minimum, longestShared + 1) }

    mutating func insert(_ id: String) {
        let prefix = id.prefix(length)
        guard let other = byPrefix[prefix] else {
            byPrefix[prefix] = id
            return
        }
        guard other != id else { return }
        longestShared = Self.shared(other, id)
        var rebuilt: [Substring: String] = [:]
        rebuilt.reserveCapacity(byPrefix.count + 1)
        for known in byPrefix.values { rebuilt[known.prefix(length)] = known }
        rebuilt[id.prefix(length)] = id
        byPrefix = rebuilt
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
