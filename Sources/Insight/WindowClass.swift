import Foundation
import JobComposition

/// The length class of a job's time window, part of its series key: one calendar day, seven
/// calendar days, one calendar month (midnight to midnight as the composer's presets count them,
/// DST included), another length, or no window at all. `utc` says the window keeps to UTC days
/// rather than the display time zone's (a script's extract); its periods are then counted in UTC.
public struct WindowClass: Hashable, Sendable, Comparable {
    public enum Length: Int, Hashable, Sendable, Comparable {
        case day, week, month, other, unbounded

        public static func < (a: Length, b: Length) -> Bool { a.rawValue < b.rawValue }

        /// The word in tables and keys.
        public var word: String {
            switch self {
            case .day: "daily"
            case .week: "weekly"
            case .month: "monthly"
            case .other: "other"
            case .unbounded: "unbounded"
            }
        }

        /// The calendar step of one period; nil for a length without periods.
        public var step: DateComponents? {
            switch self {
            case .day: DateComponents(day: 1)
            case .week: DateComponents(day: 7)
            case .month: DateComponents(month: 1)
            case .other, .unbounded: nil
            }
        }
    }

    public let length: Length
    public let utc: Bool

    public init(_ length: Length, utc: Bool = false) {
        self.length = length
        self.utc = utc && length.step != nil
    }

    public static func < (a: WindowClass, b: WindowClass) -> Bool { (a.length, a.utc ? 1 : 0) < (b.length, b.utc ? 1 : 0) }

    /// `daily`, `weekly (UTC)`, ...
    public var word: String { utc ? length.word + " (UTC)" : length.word }

    /// Whether gaps can be judged: the class has a period.
    public var isPeriodic: Bool { length.step != nil }

    /// The calendar its periods are counted in.
    public func calendar(display: TimeZone) -> Calendar {
        Calendar.gregorian(in: utc ? TimeZone(identifier: "UTC")! : display)
    }
}

/// Sorts windows into classes with the composer's calendar rule (`TimeWindow.calendarLength`),
/// which costs microseconds: a window whose ends are not near a midnight in either zone is `other`
/// at once, and every answer is remembered (many series share the same day windows).
struct WindowClassifier {
    let display: TimeZone
    private let utcZone = TimeZone(identifier: "UTC")!
    private var known: [TimeWindow: WindowClass] = [:]

    init(display: TimeZone) { self.display = display }

    mutating func classify(_ window: TimeWindow?) -> WindowClass {
        guard let window else { return WindowClass(.unbounded) }
        if let answer = known[window] { return answer }
        let answer = compute(window)
        known[window] = answer
        return answer
    }

    private func compute(_ window: TimeWindow) -> WindowClass {
        guard window.start < window.end else { return WindowClass(.other) }
        for (zone, utc) in [(display, false), (utcZone, true)] where nearMidnight(window.start, zone) && nearMidnight(window.end, zone) {
            switch window.calendarLength(in: zone) {
            case .days(1): return WindowClass(.day, utc: utc)
            case .days(7): return WindowClass(.week, utc: utc)
            case .months(1): return WindowClass(.month, utc: utc)
            case .days, .months: return WindowClass(.other)
            case nil: continue
            }
        }
        return WindowClass(.other)
    }

    /// A cheap necessary condition for "the start of a day in `zone`": local midnight, or the
    /// first instant after a transition that skipped midnight (the day then starts later).
    private func nearMidnight(_ date: Date, _ zone: TimeZone) -> Bool {
        let offset = zone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let secondOfDay = ((local % 86_400) + 86_400) % 86_400
        if secondOfDay == 0, date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970 { return true }
        return zone.secondsFromGMT(for: date.addingTimeInterval(-1)) != offset
    }
}
