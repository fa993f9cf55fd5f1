/// Median and median absolute deviation: a stuck run moves neither (a mean would follow it).
public enum RobustStats {
    /// The middle value (the mean of the two middle values of an even count); nil when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median of the distances to the median (unscaled: not multiplied by 1.4826).
    public static func mad(_ values: [Double]) -> Double? {
        guard let center = median(values) else { return nil }
        return median(values.map { abs($0 - center) })
    }
}
