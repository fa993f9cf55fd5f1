import Foundation
import ICWSWire
import Insight
import JobComposition

/// The dashboard's run history: the `Insight` model fed from every page, status and configuration
/// the dashboard receives (one status change costs the model O(1)), the newest configuration of
/// each series (what a coverage fill sends again), and a version the screens compare to know when
/// what they read from the model is stale. A server is the model's "server" by its context number.
public struct RunHistory: Sendable {
    public private(set) var model: InsightModel
    /// Bumped by every change that reached the model.
    public private(set) var version = 0
    private var latestConfigs: [SeriesRef: (submitted: Date, config: JobConfig)] = [:]

    private struct SeriesRef: Hashable {
        let context: ContextID
        let key: SeriesKey
    }

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
        if !configs.isEmpty {
            for status in statuses { if let config = configs[status.id] { remember(config, of: status, context: context) } }
        }
        changed()
    }

    /// A configuration read on its own (the selected job's): the job joins its series if it was waiting.
    mutating func record(_ config: JobConfig, of status: JobStatus, context: ContextID) {
        model.record(server: Self.server(context), status: status, config: config)
        remember(config, of: status, context: context)
        changed()
    }

    /// Some series has a baseline (five finished runs): from then on the list has a USUAL column
    /// and the header counts overdue jobs and failing series (until then nothing can be judged).
    public private(set) var hasSeries = false

    private mutating func changed() {
        version += 1
        if !hasSeries {
            hasSeries = model.seriesNames().contains { model.baseline(server: $0.server, key: $0.key)?.isJudged == true }
        }
    }

    /// The newest configuration seen of a series.
    func latestConfig(context: ContextID, key: SeriesKey) -> JobConfig? {
        latestConfigs[SeriesRef(context: context, key: key)]?.config
    }

    /// The series of a job, if its configuration was seen.
    func seriesKey(of job: JobKey) -> SeriesKey? {
        model.seriesKey(server: Self.server(job.context), jobId: job.id)
    }

    private mutating func remember(_ config: JobConfig, of status: JobStatus, context: ContextID) {
        guard let key = model.seriesKey(server: Self.server(context), jobId: status.id) else { return }
        let submitted = status.submitTime ?? .distantPast
        let ref = SeriesRef(context: context, key: key)
        if let known = latestConfigs[ref], known.submitted > submitted { return }
        latestConfigs[ref] = (submitted, config)
    }
}
