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
    var status: JobStatus
    var config: JobConfig
    var plan: JobPlan
    /// When the engine moves the job on by itself; nil when ended or the clock is frozen.
    var dueAt: Date?

    var state: JobState { status.knownState }

    /// The folder a job writes to: `D:\DataExtractor\Output\<name>_<id>`.
    static func outputFolder(name: String, id: String) -> String {
        "D:\\DataExtractor\\Output\\\(name)_\(id)"
    }
}
