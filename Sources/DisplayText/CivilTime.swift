import Foundation

/// A moment as a wall clock shows it, by arithmetic on the seconds since 1970 (the proleptic
/// Gregorian calendar, days counted as in Howard Hinnant's `civil_from_days`). The list writes a
/// time on every row of every frame, and a `Calendar` lookup per row cost more than the rest of the
/// frame; the zone's offset is the only thing asked of Foundation.
/// Also the ICWS date format's arithmetic (`ICWSDate`), in the years where it agrees with
/// Foundation's Gregorian calendar.
public struct CivilTime: Equatable, Sendable {
    public let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

    /// The years in which this arithmetic agrees with Foundation's Gregorian calendar (which is
    /// Julian before 1582).
    public static let calendarYears = 1601...9999

    /// `date` in UTC, nil outside `calendarYears` (and for a date too far off to count in seconds).
    public init?(utc date: Date) {
        let interval = date.timeIntervalSince1970
        guard interval.isFinite, abs(interval) < 1e12 else { return nil }
        self.init(date, offset: 0)
        guard Self.calendarYears.contains(year) else { return nil }
    }

    /// Days from 1970-01-01 to a civil date (Hinnant's `days_from_civil`).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivision(y, 400).quotient
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `date` seen `offset` seconds east of UTC; fractions of a second are dropped (as `Calendar` does).
    public init(_ date: Date, offset: Int) {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + offset
        let (days, secondOfDay) = Self.floorDivision(seconds, 86_400)
        hour = secondOfDay / 3600
        minute = secondOfDay % 3600 / 60
        second = secondOfDay % 60

        let shifted = days + 719_468  // days from 0000-03-01, so leap days end a year
        let era = Self.floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    private static func floorDivision(_ a: Int, _ b: Int) -> (quotient: Int, remainder: Int) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
