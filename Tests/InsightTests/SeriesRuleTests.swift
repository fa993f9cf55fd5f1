import Foundation
import ICWSWire
import Insight
import JobComposition
import Testing

@Suite("The series rule: what makes jobs the same extract")
struct SeriesRuleTests {
    let day = dayWindow(paris, 2026, 11, 10)

    @Test("names, users and case of dataset and column names do not matter; column order and repeats neither")
    func sameExtract() {
        let a = config("Agent queue stats daily", window: day)
        let b = config("AQS nightly (rerun)", tables: [table("iagentqueuestats", ["SiteId", "CNAME", "nEnteredAcd", "dIntervalStartUTC", "cName"])],
                       window: dayWindow(paris, 2026, 11, 20))
        #expect(key(a) == key(b))
        #expect(key(a).id == key(b).id)
    }

    @Test("other columns, another table, a view of the same name or another window class is another series")
    func lookAlikes() {
        let base = key(config(window: day))
        #expect(key(config(tables: [table("IAgentQueueStats", ["dIntervalStartUTC", "cName", "nEnteredAcd"])], window: day)) != base)
        #expect(key(config(tables: [table(), table("IWrkgrpQueueStats")], window: day)) != base)
        #expect(key(config(tables: [], views: [table()], window: day)) != base)
        #expect(key(config(window: WindowPreset.last7Days.window(now: at(paris, 2026, 11, 11, 8), timeZone: paris))) != base)
        #expect(key(config(window: nil)) != base)
        let ids = [base, key(config(tables: [], views: [table()], window: day)), key(config(window: nil))].map(\.id)
        #expect(Set(ids).count == 3)
    }

    @Test("sites are a set: order and blanks ignored, another site or every site is another series")
    func sites() {
        let base = key(config(window: day, sites: ["1", "2"]))
        #expect(key(config(window: day, sites: ["2", " 1", "2"])) == base)
        #expect(key(config(window: day, sites: ["1"])) != base)
        #expect(key(config(window: day, sites: [])) != base)
        #expect(key(config(window: day, sites: [])).content.sites.isEmpty)
    }

    @Test("one day, seven days and one calendar month are classes; 28 to 31 days of a month are all monthly")
    func windowClasses() {
        #expect(key(config(window: day)).window == WindowClass(.day))
        #expect(key(config(window: WindowPreset.last7Days.window(now: at(paris, 2026, 11, 11, 8), timeZone: paris))).window == WindowClass(.week))
        for (month, days) in [(2, 28), (4, 30), (1, 31)] {
            let window = WindowPreset.lastMonth.window(now: at(paris, 2026, month + 1, 3), timeZone: paris)
            #expect(Int((window.length / 86_400).rounded()) == days)
            #expect(key(config(window: window)).window == WindowClass(.month))
        }
        let leapFebruary = TimeWindow(start: at(paris, 2028, 2, 1), end: at(paris, 2028, 3, 1))
        #expect(key(config(window: leapFebruary)).window == WindowClass(.month))
        // 30 days that are not a calendar month, two days, a day from 06:00 to 06:00.
        #expect(key(config(window: TimeWindow(start: at(paris, 2026, 11, 5), end: at(paris, 2026, 12, 5)))).window == WindowClass(.other))
        #expect(key(config(window: TimeWindow(start: at(paris, 2026, 11, 5), end: at(paris, 2026, 11, 7)))).window == WindowClass(.other))
        #expect(key(config(window: TimeWindow(start: at(paris, 2026, 11, 5, 6), end: at(paris, 2026, 11, 6, 6)))).window == WindowClass(.other))
    }

    @Test("the days of the DST changes (23 and 25 hours) are days; 24 hours from a midnight across one is not")
    func dstDays() {
        let spring = dayWindow(paris, 2026, 3, 29)
        let autumn = dayWindow(paris, 2026, 10, 25)
        #expect(spring.length == 23 * 3600)
        #expect(autumn.length == 25 * 3600)
        #expect(key(config(window: spring)).window == WindowClass(.day))
        #expect(key(config(window: autumn)).window == WindowClass(.day))
        let fixed = TimeWindow(start: spring.start, end: spring.start.addingTimeInterval(86_400))
        #expect(key(config(window: fixed)).window == WindowClass(.other))
        let weekAcross = WindowPreset.last7Days.window(now: at(paris, 2026, 4, 2, 9), timeZone: paris)
        #expect(weekAcross.length == 7 * 86_400 - 3600)
        #expect(key(config(window: weekAcross)).window == WindowClass(.week))
    }

    @Test("a script's UTC day is a day in UTC, a series apart from the local day")
    func utcDays() {
        let utcDay = dayWindow(utcZone, 2026, 11, 10)
        let utcKey = key(config(window: utcDay))
        #expect(utcKey.window == WindowClass(.day, utc: true))
        #expect(utcKey != key(config(window: day)))
        // Seen from UTC, it is simply a day.
        #expect(key(config(window: utcDay), zone: utcZone).window == WindowClass(.day))
    }
}
