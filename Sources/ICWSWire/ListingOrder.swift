import Foundation

/// The one order of a job list merged from several servers, used by the dashboard's list and by
/// `jobs list` over several contexts: newest submission first; jobs without a submission time
/// after every job with one; a tie goes to the context listed first (its position among the
/// configured contexts). Jobs of one context submitted at the same time keep their server's order.
public enum ListingOrder {
    /// Whether a job submitted at `a` on context `aContext` comes before one submitted at `b` on
    /// `bContext`. False both ways for one context's jobs of one submission time.
    public static func precedes(_ a: Date?, context aContext: Int, _ b: Date?, context bContext: Int) -> Bool {
        switch (a, b) {
        case let (x?, y?) where x != y: x > y
        case (.some, nil): true
        case (nil, .some): false
        default: aContext < bContext
        }
    }
}
