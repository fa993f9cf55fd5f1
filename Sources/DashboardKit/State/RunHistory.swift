import Foundation
import ICWSWire
import Insight
import JobComposition

/// The dashboard's run history: the `Insight` model fed from every page, status and configuration
/// the dashboard receives (one status change costs the model O(1), and nothing here walks every
/// series), and a version the screens compare to know when what they read from the model is
/// stale. A server is the model's "server" by its context number.
public struct RunHistory: Sendable {
    public private(set) var model: InsightModel
    /// Bumped by every change that reached the model.
    public private(set) var version = 0

    init(timeZone: TimeZone) { model = InsightModel(timeZone: timeZone) }

    static func server(_ context: ContextID) -> String { String(context.index) }

    /// Statuses of one server, with the configurations that came with them (by job id).
    mutating func record(_ statuses: [JobStatus], context: ContextID, configs: [String: JobConfig]) {
        guard !statuses.isEmpty else { return }
        let server = Self.server(context)
        if statuses.count == 1, let status = statuses.first {
            model.record(server: server, status: status, config: configs[status.id])
        } else {
            model.record(contentsOf: statuses.lazy.map { (server: server, status: $0, config: configs[$0.id]) })
        }
        version += 1
    }

    /// A configuration read on its own (the selected job's): the job joins its series if it was waiting.
    mutating func record(_ config: JobConfig, of status: JobStatus, context: ContextID) {
        model.record(server: Self.server(context), status: status, config: config)
        version += 1
    }

    /// A history walk or restore ended: the model gives back the room its runs grew into.
    mutating func releaseSpareRoom() { model.releaseSpareRoom() }

    /// Some series has had a baseline (five finished runs): from then on the list has a USUAL
    /// column and the header counts overdue jobs and failing series (until then nothing can be judged).
    public var hasSeries: Bool { model.hasJudgedSeries }

    /// The newest configuration seen of a series (what a coverage fill sends again).
    func latestConfig(context: ContextID, key: SeriesKey) -> JobConfig? {
        model.latestConfiguration(server: Self.server(context), key: key)
    }

    /// The series of a job, if its configuration was seen.
    func seriesKey(of job: JobKey) -> SeriesKey? {
        model.seriesKey(server: Self.server(job.context), jobId: job.id)
    }

    /// The series of a job by number, if its configuration was seen (what the timeline groups by).
    func seriesRef(of job: JobKey) -> SeriesRef? {
        model.seriesRef(server: Self.server(job.context), jobId: job.id)
    }

    /// Jobs running past the overdue rule, and series whose newest runs failed: O(series with a
    /// job still going), never O(series).
    func insightCounts(now: Date) -> (overdue: Int, failing: Int) {
        (model.overdueCount(now: now), model.failingSeriesCount)
    }
}
