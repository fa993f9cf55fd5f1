import Foundation
import ICWSWire

/// How long each step of one job takes (seconds at speed 1) and how it ends.
struct JobPlan: Sendable, Hashable {
    var toQueued: Double
    var toStarted: Double
    var running: Double
    /// Nil: the job finishes; otherwise it fails with this `errorInfo`.
    var failure: String?

    /// Draws a plan: a few seconds in the queue, up to a minute of work, about one job in seven fails.
    static func random(using rng: inout SeededRandom, errorTexts: [String]) -> JobPlan {
        JobPlan(
            toQueued: rng.seconds(1...5),
            toStarted: rng.seconds(2...15),
            running: rng.seconds(5...60),
            failure: rng.chance(0.15) ? rng.pick(errorTexts) : nil
        )
    }

    /// Nominal seconds the job spends in `state` before its next step; nil once it has ended.
    func seconds(in state: JobState) -> Double? {
        switch state {
        case .submitted: toQueued
        case .queued: toStarted
        case .started: running
        default: nil
        }
    }
}

/// One job as the server holds it: what clients see plus the engine's plan.
struct JobRecord: Sendable {
    var status: JobStatus {
        didSet { listEntry = nil }
    }
    /// The job as a job list in `status` mode writes it (`{"jobStatus":{…}}`), once asked for;
    /// cleared whenever the status changes.
    var listEntry: Data?
    var plan: JobPlan
    /// When the engine moves the job on by itself; nil when ended or the clock is frozen.
    var dueAt: Date?
    private let configSource: ConfigSource

    /// A job whose configuration is kept as sent (submitted jobs).
    init(status: JobStatus, config: JobConfig, plan: JobPlan, dueAt: Date?) {
        self.init(status: status, configSource: .stored(config), plan: plan, dueAt: dueAt)
    }

    /// A job whose configuration is drawn again from its seed when asked for (seeded jobs): a
    /// configuration with its tables and columns is most of a job's size, and 100,000 seeded jobs
    /// would otherwise hold hundreds of megabytes that are rarely read.
    init(status: JobStatus, configSource: ConfigSource, plan: JobPlan, dueAt: Date?) {
        self.status = status
        self.configSource = configSource
        self.plan = plan
        self.dueAt = dueAt
    }

    var config: JobConfig { configSource.config }

    var state: JobState { status.knownState }

    /// The folder a job writes to: `D:\DataExtractor\Output\<name>_<id>`.
    static func outputFolder(name: String, id: String) -> String {
        "D:\\DataExtractor\\Output\\\(name)_\(id)"
    }
}

/// Where a job's configuration comes from.
enum ConfigSource: Sendable {
    case stored(JobConfig)
    /// `SeedJobs.makeConfig` run again from the generator state it first ran from.
    case seeded(SeededConfig)

    var config: JobConfig {
        switch self {
        case .stored(let config): config
        case .seeded(let recipe): recipe.make()
        }
    }
}

/// The inputs of one seeded job's `SeedJobs.makeConfig`, which is deterministic in them.
struct SeededConfig: Sendable {
    let id: String
    let index: Int
    let hostile: Bool
    let submitTime: Date
    /// The generator as it was before the configuration was drawn.
    let random: SeededRandom

    func make() -> JobConfig {
        var rng = random
        return SeedJobs.makeConfig(id: id, index: index, hostile: hostile, submitTime: submitTime, using: &rng).0
    }
}
