import Foundation
import ICWSWire
import Testing

@Suite("ICWSDate")
struct ICWSDateTests {
    static let base = utc(2026, 11, 28, 10, 15, 0)

    @Test(arguments: [
        ("20261128T101500Z", 0.0),
        ("20261128t101500z", 0.0),
        ("20261128T1015Z", 0.0),
        ("20261128T101500.5Z", 0.5),
        ("20261128T101500,25Z", 0.25),
        ("20261128T101500+0000", 0.0),
        ("20261128T111500+0100", 0.0),
        ("20261128T051500-0500", 0.0),
        ("20261128T111500+01", 0.0),
        ("2026-11-28T10:15:00Z", 0.0),
        ("2026-11-28T10:15Z", 0.0),
        ("2026-11-28T10:15:00.000Z", 0.0),
        ("2026-11-28T10:15:00.125Z", 0.125),
        ("2026-11-28T10:15:00.5+00:00", 0.5),
        ("2026-11-28T10:15:00+00:00", 0.0),
        ("2026-11-28T11:45:00+01:30", 0.0),
        ("2026-11-28T04:45:00-05:30", 0.0),
        ("2026-11-28 10:15:00Z", 0.0),
    ])
    func accepts(text: String, fraction: Double) {
        #expect(ICWSDate.parse(text) == Self.base.addingTimeInterval(fraction), "\(text)")
    }

    @Test func acceptsManyFractionDigits() throws {
        let date = try #require(ICWSDate.parse("2026-11-28T10:15:00.123456789Z"))
        #expect(abs(date.timeIntervalSince(Self.base) - 0.123456789) < 1e-6)
    }

    @Test(arguments: [
        "", "junk", "yesterday", "2026", "20261128", "20261128T", "2026-11-28",
        "20261128T101500",               // no zone: ICWS dates are UTC
        "2026-11-28T10:15:00",
        "2026-11-28T10:15:00ZZ",
        "2026-1128T10:15:00Z",           // mixed basic and extended
        "20261128T10:15:00Z",
        "2026-11-28T101500Z",
        "20261328T101500Z",              // month 13
        "20261100T101500Z",              // day 0
        "20261132T101500Z",
        "20261128T241500Z",              // hour 24
        "20261128T106000Z",
        "20261128T101500.Z",             // empty fraction
        "20261128T101500Q",
        "20261128X101500Z",
        " 20261128T101500Z",
        "20261128T101500Z ",
        "2026-11-28T10:15:00+",
        "2026-11-28T10:15:00+1",
        "2026-11-28T10:15:00+01:",       // colon without minutes
        "20261128T101500+2500",          // offset hours out of range
        "2026-11-28T10:15:00+01:60",
        "２０２６1128T101500Z",             // fullwidth digits
        "20260230T101500Z",              // 30 February
        "20261131T101500Z",              // 31 November
    ])
    func rejects(text: String) {
        #expect(ICWSDate.parse(text) == nil, "\(text)")
    }

    @Test func leapDayIsAccepted() {
        #expect(ICWSDate.parse("20280229T000000Z") == utc(2028, 2, 29, 0, 0, 0))
    }

    @Test func emitsBasicAndExtendedUTCWholeSeconds() {
        let date = utc(2026, 11, 28, 10, 15, 0, 0.9)
        #expect(ICWSDate.basic(date) == "20261128T101500Z")
        #expect(ICWSDate.extended(date) == "2026-11-28T10:15:00Z")
        #expect(ICWSDate.basic(utc(1999, 1, 2, 3, 4, 5)) == "19990102T030405Z")
    }

    @Test func basicRoundTrips() {
        for seconds in stride(from: 0.0, to: 4_000_000_000, by: 123_456_789) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(ICWSDate.parse(ICWSDate.basic(date)) == date)
            #expect(ICWSDate.parse(ICWSDate.extended(date)) == date)
        }
    }

    /// The digit-by-digit formatting and the calendar-free parsing give what Foundation's
    /// Gregorian calendar gives, from before its Julian cutover (calendar path) to year 9999.
    @Test func calendarFreeDatesAgreeWithTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = -12_300_000_000.0  // 1580
        let end = 253_402_300_799.0    // 9999-12-31T23:59:59Z
        var seconds = start
        while seconds <= end {
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let basic = String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(ICWSDate.basic(date) == basic, "\(seconds)")
            #expect(ICWSDate.extended(date) == String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year!, c.month!, c.day!,
                                                      c.hour!, c.minute!, c.second!), "\(seconds)")
            #expect(ICWSDate.parse(basic) == calendar.date(from: c), "\(basic)")
            seconds += 86_400 * 37 + 3_601.5
        }
    }
}
