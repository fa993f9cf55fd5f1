import Foundation
import ICWSWire
import JobComposition
import Testing

@Suite("Time window presets and shifting")
struct TimeWindowTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let newYork = TimeZone(identifier: "America/New_York")!
    let utc = TimeZone(identifier: "UTC")!

    @Test("today and yesterday are midnight to midnight in the zone")
    func todayYesterday() {
        let now = date("Europe/Berlin", 2026, 3, 15, 14, 30)
        #expect(WindowPreset.today.window(now: now, timeZone: berlin)
                == TimeWindow(start: date("Europe/Berlin", 2026, 3, 15), end: date("Europe/Berlin", 2026, 3, 16)))
        #expect(WindowPreset.yesterday.window(now: now, timeZone: berlin)
                == TimeWindow(start: date("Europe/Berlin", 2026, 3, 14), end: date("Europe/Berlin", 2026, 3, 15)))
    }

    @Test("just after midnight local time, today is the local day, not the UTC day")
    func localDayNotUTCDay() {
        let now = date("America/New_York", 2026, 6, 1, 21, 0)  // 01:00 UTC on 2 June
        let today = WindowPreset.today.window(now: now, timeZone: newYork)
        #expect(today.start == date("America/New_York", 2026, 6, 1))
        #expect(WindowPreset.today.window(now: now, timeZone: utc).start == date("UTC", 2026, 6, 2))
    }

    @Test("a day across the spring DST change is 23 hours, across the autumn one 25")
    func dstDays() {
        let spring = WindowPreset.yesterday.window(now: date("Europe/Berlin", 2026, 3, 30, 9), timeZone: berlin)
        #expect(spring.start == date("Europe/Berlin", 2026, 3, 29))
        #expect(spring.length == 23 * 3600)
        let autumn = WindowPreset.yesterday.window(now: date("Europe/Berlin", 2026, 10, 26, 9), timeZone: berlin)
        #expect(autumn.length == 25 * 3600)
    }

    @Test("last 7 days: the seven whole days before today")
    func lastSevenDays() {
        let window = WindowPreset.last7Days.window(now: date("UTC", 2026, 3, 3, 12), timeZone: utc)
        #expect(window == TimeWindow(start: date("UTC", 2026, 2, 24), end: date("UTC", 2026, 3, 3)))
        #expect(window.length == 7 * 86_400)
    }

    @Test("last month: the previous calendar month, across a year boundary and in February")
    func lastMonth() {
        #expect(WindowPreset.lastMonth.window(now: date("UTC", 2027, 1, 1, 0, 5), timeZone: utc)
                == TimeWindow(start: date("UTC", 2026, 12, 1), end: date("UTC", 2027, 1, 1)))
        let february = WindowPreset.lastMonth.window(now: date("Europe/Berlin", 2028, 3, 31, 23), timeZone: berlin)
        #expect(february == TimeWindow(start: date("Europe/Berlin", 2028, 2, 1), end: date("Europe/Berlin", 2028, 3, 1)))
        #expect(february.length == 29 * 86_400)
        // March in Berlin loses an hour to DST.
        let march = WindowPreset.lastMonth.window(now: date("Europe/Berlin", 2026, 4, 10), timeZone: berlin)
        #expect(march.length == 31 * 86_400 - 3600)
    }

    @Test("shifting a daily window across DST keeps it midnight to midnight")
    func shiftDayAcrossDST() {
        let day = TimeWindow(start: date("Europe/Berlin", 2026, 3, 28), end: date("Europe/Berlin", 2026, 3, 29))
        let next = day.shifted(in: berlin)
        #expect(next == TimeWindow(start: date("Europe/Berlin", 2026, 3, 29), end: date("Europe/Berlin", 2026, 3, 30)))
        #expect(next.length == 23 * 3600)
    }

    @Test("shifting a calendar month gives the next calendar month (31 days to 30)")
    func shiftMonth() {
        let october = TimeWindow(start: date("UTC", 2026, 10, 1), end: date("UTC", 2026, 11, 1))
        #expect(october.shifted(in: utc) == TimeWindow(start: date("UTC", 2026, 11, 1), end: date("UTC", 2026, 12, 1)))
        let january = TimeWindow(start: date("UTC", 2027, 1, 1), end: date("UTC", 2027, 2, 1))
        #expect(january.shifted(in: utc).end == date("UTC", 2027, 3, 1))
    }

    @Test("a window aligned to UTC days shifts by days even when shown in another zone")
    func shiftUTCAlignedInLocalZone() {
        let week = TimeWindow(start: date("UTC", 2026, 3, 23), end: date("UTC", 2026, 3, 30))
        #expect(week.shifted(in: berlin) == TimeWindow(start: date("UTC", 2026, 3, 30), end: date("UTC", 2026, 4, 6)))
    }

    @Test("an unaligned window moves by its length in seconds")
    func shiftUnaligned() {
        let window = TimeWindow(start: date("UTC", 2026, 5, 1, 8, 15), end: date("UTC", 2026, 5, 1, 10, 45))
        #expect(window.shifted(in: berlin) == TimeWindow(start: window.end, end: date("UTC", 2026, 5, 1, 13, 15)))
    }

    @Test("the same window as another job: both bounds, or none")
    func sameWindowAsJob() {
        var config = JobConfig(name: "x", submittedUserId: "u", startTimeFilter: date("UTC", 2026, 1, 1),
                               endTimeFilter: date("UTC", 2026, 1, 2))
        #expect(TimeWindow(of: config) == TimeWindow(start: date("UTC", 2026, 1, 1), end: date("UTC", 2026, 1, 2)))
        config.endTimeFilter = nil
        #expect(TimeWindow(of: config) == nil)
    }
}

@Suite("Typed start and end times")
struct TypedTimeTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test("a date is midnight in the display zone; a date-time is local; Z is UTC")
    func forms() {
        #expect(TypedTime.parse("2026-07-01", timeZone: berlin) == date("Europe/Berlin", 2026, 7, 1))
        #expect(TypedTime.parse("2026-07-01 08:30", timeZone: berlin) == date("Europe/Berlin", 2026, 7, 1, 8, 30))
        #expect(TypedTime.parse("2026-07-01T08:30:00", timeZone: berlin) == date("Europe/Berlin", 2026, 7, 1, 8, 30))
        #expect(TypedTime.parse("2026-07-01T08:30:00Z", timeZone: berlin) == date("UTC", 2026, 7, 1, 8, 30))
        #expect(TypedTime.parse("20260701T083000Z", timeZone: berlin) == date("UTC", 2026, 7, 1, 8, 30))
    }

    @Test("impossible or malformed times are refused", arguments: [
        "2026-02-30", "2026-13-01", "2026-07-01 24:00", "07/01/2026", "2026-07", "", "tomorrow",
        "2026-07-01T08", "26-07-01", String(repeating: "2", count: 5000),
    ])
    func refused(text: String) {
        #expect(TypedTime.parse(text, timeZone: berlin) == nil)
    }
}
