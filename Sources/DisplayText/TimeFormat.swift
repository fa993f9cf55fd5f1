import Foundation

/// How the dashboard and the CLI write times and durations for people.
public struct TimeFormat: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public static let utc = TimeFormat(timeZone: TimeZone(identifier: "UTC")!)
    public static var local: TimeFormat { TimeFormat(timeZone: .current) }

    /// `2026-11-28 10:15:00` (with ` UTC` appended for UTC).
    public func timestamp(_ date: Date) -> String {
        let c = CivilTime(date, offset: timeZone.secondsFromGMT(for: date))
        let text = Self.day(c) + " \(Self.digits(c.hour, 2)):\(Self.digits(c.minute, 2)):\(Self.digits(c.second, 2))"
        return isUTC ? text + " UTC" : text
    }

    /// `11-28 10:15` — compact form for list columns.
    public func short(_ date: Date) -> String {
        let c = CivilTime(date, offset: timeZone.secondsFromGMT(for: date))
        return "\(Self.digits(c.month, 2))-\(Self.digits(c.day, 2)) \(Self.digits(c.hour, 2)):\(Self.digits(c.minute, 2))"
    }

    /// A list cell, as `ls -l` writes dates: `11-28 10:15` within half a year of `now`, else
    /// `2025-11-28`, so a run from another year never reads like one from this week.
    public func listed(_ date: Date, now: Date) -> String {
        guard abs(now.timeIntervalSince(date)) >= Self.halfYear else { return short(date) }
        return Self.day(CivilTime(date, offset: timeZone.secondsFromGMT(for: date)))
    }

    /// `2026-11-28`.
    private static func day(_ c: CivilTime) -> String {
        "\(digits(c.year, 4))-\(digits(c.month, 2))-\(digits(c.day, 2))"
    }

    static let halfYear: TimeInterval = 182 * 86_400

    private var isUTC: Bool { timeZone.secondsFromGMT() == 0 && (timeZone.identifier == "UTC" || timeZone.identifier == "GMT") }

    /// `n` in decimal, zero-padded to `width` digits.
    static func digits(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return text.utf8.count >= width ? text : String(repeating: "0", count: width - text.utf8.count) + text
    }

    /// `45s`, `12m`, `3h07m`, `2d04h`: `duration` without the seconds from a minute up (the job
    /// list's `12m/~15m`).
    public static func coarse(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        return total >= 60 && total < 3600 ? "\(total / 60)m" : duration(seconds)
    }

    /// `45s`, `12m05s`, `3h07m`, `2d04h` — two units at most, never negative.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        let days = total / 86_400, hours = (total % 86_400) / 3600, minutes = (total % 3600) / 60, secs = total % 60
        if days > 0 { return "\(days)d\(digits(hours, 2))h" }
        if hours > 0 { return "\(hours)h\(digits(minutes, 2))m" }
        if minutes > 0 { return "\(minutes)m\(digits(secs, 2))s" }
        return "\(secs)s"
    }
}
