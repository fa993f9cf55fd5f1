/// How many leading characters tell the loaded job ids apart, kept up to date as ids arrive.
///
/// Job ids are GUIDs (36 characters); the list shows the shortest prefix unique among the loaded
/// jobs, at least `minimum` characters. That length is one more than the longest prefix two ids
/// share, and the longest shared prefix is always between neighbours in sorted order, so each new
/// id is compared with its two neighbours only (a binary search, no per-frame work).
struct IdPrefixes: Equatable, Sendable {
    static let minimum = 8

    /// Every id seen, sorted.
    private var sorted: [String] = []
    /// The longest prefix (in characters) two different ids share.
    private var longestShared = 0

    /// Characters of each id the list shows (an id shorter than this is shown whole).
    var length: Int { max(Self.minimum, longestShared + 1) }

    mutating func insert(_ id: String) {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < id { low = mid + 1 } else { high = mid }
        }
        if low < sorted.count, sorted[low] == id { return }
        if low > 0 { longestShared = max(longestShared, Self.shared(sorted[low - 1], id)) }
        if low < sorted.count { longestShared = max(longestShared, Self.shared(sorted[low], id)) }
        sorted.insert(id, at: low)
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
