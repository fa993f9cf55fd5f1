import Foundation
import NIOCore

extension Duration {
    /// The same span as a NIO `TimeAmount`, saturating at the `Int64` nanosecond range (about
    /// 292 years) instead of trapping on overflow.
    var timeAmount: TimeAmount {
        .nanoseconds(saturatingSum(components.seconds, times: 1_000_000_000, plus: components.attoseconds / 1_000_000_000))
    }

    /// Whole milliseconds (rounded toward zero), saturating like `timeAmount`.
    var wholeMilliseconds: Int64 {
        saturatingSum(components.seconds, times: 1000, plus: components.attoseconds / 1_000_000_000_000_000)
    }

    /// "10 s", "0.5 s", "250 ms" for messages.
    var spoken: String {
        let milliseconds = wholeMilliseconds
        if milliseconds < 1000 { return "\(milliseconds) ms" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000) s" }
        return String(format: "%.1f s", Double(milliseconds) / 1000)
    }

    /// `seconds * scale + fraction`, clamped to `Int64.min...Int64.max`. `components` keeps the
    /// seconds and the fraction on the same side of zero, so only the sign of `seconds` matters.
    private func saturatingSum(_ seconds: Int64, times scale: Int64, plus fraction: Int64) -> Int64 {
        let limit = seconds < 0 ? Int64.min : Int64.max
        let (scaled, overflowScaling) = seconds.multipliedReportingOverflow(by: scale)
        guard !overflowScaling else { return limit }
        let (sum, overflowAdding) = scaled.addingReportingOverflow(fraction)
        return overflowAdding ? limit : sum
    }
}
