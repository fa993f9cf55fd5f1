/// The names closest to one that was not found, for "did you mean" hints.
public enum NameSuggestions {
    /// Up to `limit` of `candidates` near `name` (case-insensitive edit distance within a third of
    /// the name's length, at least 2, or one containing the other), nearest first.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let wanted = Array(name.lowercased())
        let bound = max(2, wanted.count / 3)
        let scored = candidates.compactMap { candidate -> (Int, String)? in
            let other = Array(candidate.lowercased())
            let distance = editDistance(wanted, other, bound: bound)
            let contains = wanted.count >= 3 && (String(other).contains(String(wanted)) || String(wanted).contains(String(other)))
            guard distance <= bound || contains else { return nil }
            return (distance, candidate)
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
    }

    /// Levenshtein distance, giving up (returning `bound + 1`) once every path exceeds `bound`.
    static func editDistance(_ a: [Character], _ b: [Character], bound: Int) -> Int {
        if abs(a.count - b.count) > bound { return bound + 1 }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            if current.min()! > bound { return bound + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
