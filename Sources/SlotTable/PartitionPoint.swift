extension RandomAccessCollection {
    /// The first index whose element is not `before`, the elements for which it holds coming first
    /// (binary search over a collection so ordered). Inlinable: callers in other modules (the
    /// merged order, a series' runs) get it specialized, not through generic witnesses.
    @inlinable public func partitionPoint(_ before: (Element) -> Bool) -> Index {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = index(low, offsetBy: distance(from: low, to: high) / 2)
            if before(self[mid]) { low = index(after: mid) } else { high = mid }
        }
        return low
    }
}
