import DisplayText
import Foundation
import Testing

@Suite("TimeFormat")
struct TimeFormatTests {
    /// 2026-11-28 10:15:07 UTC, built from components so the test does not depend on the formatter.
    static let instant: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: 2026, month: 11, day: 28, hour: 10, minute: 15, second: 7))!
    }()

    @Test func utcTimestampSaysUTC() {
        #expect(TimeFormat.utc.timestamp(Self.instant) == "2026-11-28 10:15:07 UTC")
        #expect(TimeFormat.utc.timestamp(Self.instant.addingTimeInterval(0.999)) == "2026-11-28 10:15:07 UTC")
    }

    @Test func otherZonesShiftAndOmitTheSuffix() throws {
        let tokyo = TimeFormat(timeZone: try #require(TimeZone(identifier: "Asia/Tokyo")))
        #expect(tokyo.timestamp(Self.instant) == "2026-11-28 19:15:07")
        #expect(tokyo.short(Self.instant) == "11-28 19:15")
        let newYork = TimeFormat(timeZone: try #require(TimeZone(identifier: "America/New_York")))
        #expect(newYork.timestamp(Self.instant) == "2026-11-28 05:15:07")
        let fixed = TimeFormat(timeZone: try #require(TimeZone(secondsFromGMT: -9 * 3600 - 30 * 60)))
        #expect(fixed.timestamp(Self.instant) == "2026-11-28 00:45:07")
        #expect(fixed.short(Self.instant.addingTimeInterval(-3600)) == "11-27 23:45")
    }

    @Test("a list cell gives the year instead of the time for a date half a year or more from now")
    func listedDatesGiveTheYearWhenFar() {
        #expect(TimeFormat.utc.listed(Self.instant, now: Self.instant.addingTimeInterval(30 * 86_400)) == "11-28 10:15")
        #expect(TimeFormat.utc.listed(Self.instant, now: Self.instant.addingTimeInterval(400 * 86_400)) == "2026-11-28")
        #expect(TimeFormat.utc.listed(Self.instant, now: Self.instant.addingTimeInterval(-200 * 86_400)) == "2026-11-28")
    }

    @Test func gmtZoneIsShownAsUTC() throws {
        let gmt = TimeFormat(timeZone: try #require(TimeZone(identifier: "GMT")))
        #expect(gmt.timestamp(Self.instant) == "2026-11-28 10:15:07 UTC")
    }

    @Test func londonInWinterIsNotLabelledUTC() throws {
        // Zero offset in November, but a zone with summer time: the label would be wrong half the year.
        let london = TimeFormat(timeZone: try #require(TimeZone(identifier: "Europe/London")))
        #expect(london.timestamp(Self.instant) == "2026-11-28 10:15:07")
    }

    @Test func shortIsMonthDayHourMinute() {
        #expect(TimeFormat.utc.short(Self.instant) == "11-28 10:15")
    }

    @Test(arguments: [
        (0.0, "0s"), (0.9, "0s"), (-5, "0s"), (-0.5, "0s"), (45, "45s"), (59.99, "59s"),
        (60, "1m00s"), (725, "12m05s"), (3599, "59m59s"),
        (3600, "1h00m"), (11_220, "3h07m"), (86_399, "23h59m"),
        (86_400, "1d00h"), (187_200, "2d04h"), (100 * 86_400 + 3 * 3600, "100d03h"),
    ] as [(Double, String)])
    func durations(seconds: Double, expected: String) {
        #expect(TimeFormat.duration(seconds) == expected)
    }

    @Test func hugeDurationsKeepTwoUnits() {
        #expect(TimeFormat.duration(1e9) == "11574d01h")
    }
}

@Suite("TimeFormat agrees with Calendar")
struct TimeFormatCalendarParityTests {
    /// The arithmetic against Foundation's calendar, in zones with and without summer time and
    /// half-hour offsets, over dates from before 1970 to 2100, including the seconds around
    /// midnight, leap days and DST changes.
    @Test(arguments: ["UTC", "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Kiritimati"])
    func everyFieldMatchesTheCalendar(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let format = TimeFormat(timeZone: timeZone)
        // A stride that is not a whole number of minutes or days walks through every time of day.
        let spread = stride(from: -1_000_000_000.0, to: 4_000_000_000, by: 1_666_667.25)
        let instants: [Double] = [0, -1, -0.5, 86_399.5, 951_782_400, 1_709_164_800, 1_711_846_800, 4_102_444_799] + spread
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(format.timestamp(date).hasPrefix(expected), "\(zone) at \(seconds)")
            #expect(format.short(date) == String(format: "%02d-%02d %02d:%02d", c.month!, c.day!, c.hour!, c.minute!))
        }
    }
}

