import Foundation
import ICWSWire

/// A job's time filter: `start` inclusive, `end` exclusive.
public struct TimeWindow: Hashable, Sendable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// The window of a job's configuration ("the same window as another job"); nil unless it has both bounds.
    public init?(of config: JobConfig) {
        guard let start = config.startTimeFilter, let end = config.endTimeFilter else { return nil }
        self.init(start: start, end: end)
    }

    /// Seconds from start to end.
    public var length: TimeInterval { end.timeIntervalSince(start) }

    /// The next window of a periodic extract: moved forward by its own length. A window of whole
    /// calendar months (in `timeZone`, else in UTC) moves by that many months, one of whole days by
    /// that many calendar days (so a daily window stays midnight to midnight across a DST change);
    /// any other by its length in seconds.
    public func shifted(in timeZone: TimeZone) -> TimeWindow {
        for zone in [timeZone, TimeZone(identifier: "UTC")!] {
            switch calendarLength(in: zone) {
            case .months(let months): return moved(by: DateComponents(month: months), Calendar.gregorian(in: zone))
            case .days(let days): return moved(by: DateComponents(day: days), Calendar.gregorian(in: zone))
            case nil: continue
            }
        }
        return TimeWindow(start: end, end: end.addingTimeInterval(length))
    }

    /// How many whole calendar months, else whole calendar days, the window spans in `timeZone`
    /// (the rule `shifted(in:)` moves windows by); nil when it does not run midnight to midnight there.
    public func calendarLength(in timeZone: TimeZone) -> CalendarLength? {
        let calendar = Calendar.gregorian(in: timeZone)
        if let months = Self.wholeMonths(from: start, to: end, calendar) { return .months(months) }
        if let days = Self.wholeDays(from: start, to: end, calendar) { return .days(days) }
        return nil
    }

    /// A window's length in calendar units.
    public enum CalendarLength: Hashable, Sendable {
        case days(Int), months(Int)
    }

    private func moved(by step: DateComponents, _ calendar: Calendar) -> TimeWindow {
        TimeWindow(start: calendar.date(byAdding: step, to: start) ?? end,
                   end: calendar.date(byAdding: step, to: end) ?? end.addingTimeInterval(length))
    }

    static func wholeDays(from start: Date, to end: Date, _ calendar: Calendar) -> Int? {
        guard start < end, calendar.startOfDay(for: start) == start, calendar.startOfDay(for: end) == end,
              let days = calendar.dateComponents([.day], from: start, to: end).day, days > 0 else { return nil }
        return days
    }

    static func wholeMonths(from start: Date, to end: Date, _ calendar: Calendar) -> Int? {
        guard wholeDays(from: start, to: end, calendar) != nil,
              calendar.component(.day, from: start) == 1, calendar.component(.day, from: end) == 1,
              let months = calendar.dateComponents([.month], from: start, to: end).month, months > 0 else { return nil }
        return months
    }
}

/// The window presets of the composer and `jobs submit --window`.
public enum WindowPreset: String, CaseIterable, Sendable {
    /// Midnight today to midnight tomorrow.
    case today
    /// Midnight yesterday to midnight today.
    case yesterday
    /// The seven whole days before today.
    case last7Days = "last-7-days"
    /// The previous calendar month.
    case lastMonth = "last-month"

    /// The window at `now`, with days and months as `timeZone` counts them.
    public func window(now: Date, timeZone: TimeZone) -> TimeWindow {
        let calendar = Calendar.gregorian(in: timeZone)
        let today = calendar.startOfDay(for: now)
        func days(_ n: Int, from date: Date) -> Date { calendar.date(byAdding: .day, value: n, to: date)! }
        switch self {
        case .today:
            return TimeWindow(start: today, end: days(1, from: today))
        case .yesterday:
            return TimeWindow(start: days(-1, from: today), end: today)
        case .last7Days:
            return TimeWindow(start: days(-7, from: today), end: today)
        case .lastMonth:
            let thisMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: now))!
            return TimeWindow(start: calendar.date(byAdding: .month, value: -1, to: thisMonth)!, end: thisMonth)
        }
    }
}

extension Calendar {
    public static func gregorian(in timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
