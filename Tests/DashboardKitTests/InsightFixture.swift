import Foundation
import ICWSWire
import Insight
import JobComposition
@testable import DashboardKit

/// A month of run history on two servers, for the history, timeline and coverage screens. Days
/// are UTC days; `Fixture.now` is 2026-11-28 10:35 UTC.
/// - context 0 "Agent queue stats daily": a run a day from 10-29 to 11-26 at 01:00, 9–13 minutes;
///   11-10 extracted twice; 11-20 failed and never re-run; 11-24 never run; one run of 45 minutes.
/// - context 0 "Interaction detail nightly": 10 days, the last 3 failed (a failing series).
/// - context 1 "Workgroup stats daily": a run a day from 11-01, and today's run started at 09:00,
///   past its baseline (overdue); it overlaps other jobs of the morning.
enum InsightFixture {
    struct Job {
        let context: Int
        let status: JobStatus
        let config: JobConfig
    }

    static let utc = TimeZone(identifier: "UTC")!
    static let calendar = Calendar.gregorian(in: utc)

    static func day(_ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        calendar.date(from: DateComponents(year: 2026, month: month, day: day, hour: hour, minute: minute))!
    }

    static func config(_ name: String, table: String, window: TimeWindow) -> JobConfig {
        JobConfig(name: name, submittedUserId: "jdoe",
                  tables: [DataSetConfig(name: table, dateTimeFilterColumn: "dIntervalStartUTC", siteIdFilterColumn: "SiteId",
                                         column: [ColumnRef(name: "cName"), ColumnRef(name: "nEnteredAcd")])],
                  startTimeFilter: window.start, endTimeFilter: window.end, siteIdFilters: ["1"])
    }

    /// An ended (or, with `minutes` nil, started) job extracting the UTC day `extracted`.
    static func run(_ id: String, context: Int, name: String, table: String, extracted: Date, submitted: Date, minutes: Double?,
                    state: JobState = .finished, queued: TimeInterval = 60) -> Job {
        let started = submitted.addingTimeInterval(queued)
        let end = minutes.map { started.addingTimeInterval($0 * 60) }
        var status = JobStatus(id: id, name: name, submittedUserId: "jdoe", submittedUserSiteId: 1, state: state,
                               submitTime: submitted, queuedTime: submitted, startedTime: started)
        switch state {
        case .finished: status.finishedTime = end
        case .failed: status.failedTime = end; status.errorInfo = "Table \(table): permission denied for user dx_reader"
        case .canceled: status.canceledTime = end
        default: break
        }
        status.stateChangedTime = end ?? started
        let window = TimeWindow(start: extracted, end: calendar.date(byAdding: .day, value: 1, to: extracted)!)
        return Job(context: context, status: status, config: config(name, table: table, window: window))
    }

    static let jobs: [Job] = {
        var jobs: [Job] = []
        let queueMinutes: [Double] = [9, 11, 10, 12, 13, 10, 9, 11]
        var date = day(10, 29)
        var index = 0
        while date < day(11, 27) {
            let extracted = calendar.date(byAdding: .day, value: -1, to: date)!
            defer { date = calendar.date(byAdding: .day, value: 1, to: date)!; index += 1 }
            if date == day(11, 24) { continue }
            let minutes = date == day(11, 15) ? 45 : queueMinutes[index % queueMinutes.count]
            let state: JobState = date == day(11, 20) ? .failed : .finished
            jobs.append(run("aq-\(index)", context: 0, name: "Agent queue stats daily", table: "IAgentQueueStats", extracted: extracted,
                            submitted: date.addingTimeInterval(3600), minutes: minutes, state: state))
            if date == day(11, 10) {
                jobs.append(run("aq-rerun", context: 0, name: "Agent queue stats daily (rerun)", table: "IAgentQueueStats",
                                extracted: extracted, submitted: date.addingTimeInterval(5 * 3600), minutes: 10))
            }
        }
        for offset in 0..<10 {
            let date = day(11, 18 + offset)
            let state: JobState = offset >= 7 ? .failed : .finished
            jobs.append(run("id-\(offset)", context: 0, name: "Interaction detail nightly", table: "InteractionSummary",
                            extracted: calendar.date(byAdding: .day, value: -1, to: date)!, submitted: date.addingTimeInterval(5400),
                            minutes: 16, state: state, queued: 120))
        }
        for offset in 0..<27 {
            let date = day(11, 1 + offset)
            jobs.append(run("wg-\(offset)", context: 1, name: "Workgroup stats daily", table: "IWrkgrpQueueStats",
                            extracted: calendar.date(byAdding: .day, value: -1, to: date)!, submitted: date.addingTimeInterval(7200),
                            minutes: 27 + Double(offset % 3)))
        }
        jobs.append(run("wg-today", context: 1, name: "Workgroup stats daily", table: "IWrkgrpQueueStats", extracted: day(11, 27),
                        submitted: day(11, 28, 8, 59), minutes: nil, state: .started))
        return jobs
    }()

    static func model() -> InsightModel {
        var model = InsightModel(timeZone: utc)
        model.record(contentsOf: jobs.map { (server: String($0.context), status: $0.status, config: $0.config) })
        return model
    }

    static func key(_ model: InsightModel, context: Int, jobId: String) -> SeriesKey {
        model.seriesKey(server: String(context), jobId: jobId)!
    }
}
