import Foundation
import ICWSWire
import Insight
import JobComposition

let paris = TimeZone(identifier: "Europe/Paris")!
let utcZone = TimeZone(identifier: "UTC")!

/// A wall-clock time in a zone.
func at(_ zone: TimeZone, _ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min))!
}

/// The IAgentQueueStats extract most sites run, with its columns in the given order.
func table(_ name: String = "IAgentQueueStats", _ columns: [String] = ["dIntervalStartUTC", "cName", "nEnteredAcd", "SiteId"]) -> DataSetConfig {
    DataSetConfig(name: name, dateTimeFilterColumn: "dIntervalStartUTC", siteIdFilterColumn: "SiteId",
                  column: columns.map(ColumnRef.init(name:)))
}

func config(_ name: String = "Agent queue stats daily", tables: [DataSetConfig] = [table()], views: [DataSetConfig] = [],
            window: TimeWindow?, sites: [String] = ["1"], id: String? = nil) -> JobConfig {
    JobConfig(id: id, name: name, submittedUserId: "admin", tables: tables, views: views,
              startTimeFilter: window?.start, endTimeFilter: window?.end, siteIdFilters: sites)
}

func key(_ config: JobConfig, zone: TimeZone = paris) -> SeriesKey {
    var model = InsightModel(timeZone: zone)
    model.record(server: "s", status: JobStatus(id: "k", name: config.name, submittedUserId: "admin", state: .queued), config: config)
    return model.seriesKey(server: "s", jobId: "k")!
}

/// The day window starting at local midnight of `day` in `zone`, as the composer's "yesterday"
/// preset gives it the day after.
func dayWindow(_ zone: TimeZone, _ y: Int, _ m: Int, _ d: Int) -> TimeWindow {
    WindowPreset.yesterday.window(now: at(zone, y, m, d + 1, 12), timeZone: zone)
}

/// An ended job's status: submitted, queued a minute, run `minutes`, ended `state`.
func ended(_ id: String, _ state: JobState = .finished, submitted: Date, queued: TimeInterval = 60, minutes: Double) -> JobStatus {
    let started = submitted.addingTimeInterval(queued)
    let end = started.addingTimeInterval(minutes * 60)
    return JobStatus(id: id, name: "job \(id)", submittedUserId: "admin", state: state, submitTime: submitted,
                     queuedTime: submitted, startedTime: started,
                     finishedTime: state == .finished ? end : nil, failedTime: state == .failed ? end : nil,
                     canceledTime: state == .canceled ? end : nil, errorInfo: state == .failed ? "disk full" : nil)
}

/// Seconds equal to a millisecond (dates from calendars carry binary fractions).
func close(_ value: Double?, _ expected: Double) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < 0.001
}
