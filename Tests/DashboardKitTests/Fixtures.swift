import DisplayText
import Foundation
import ICWSWire
@testable import DashboardKit

/// Fixed times and jobs for the dashboard tests.
enum Fixture {
    /// 2026-11-28 10:00:00 UTC.
    static let base = Date(timeIntervalSince1970: 1_795_860_000)
    /// The frame time used by every snapshot: 10:35:00 UTC.
    static let now = base.addingTimeInterval(2100)

    static func at(_ minutes: Double) -> Date { base.addingTimeInterval(minutes * 60) }

    static func options(readOnly: Bool = false, pageSize: Int = 50) -> DashboardOptions {
        DashboardOptions(readOnly: readOnly, pageSize: pageSize, timeFormat: .utc)
    }

    /// A job submitted `minute` minutes after `base`, in `state`, with plausible times.
    static func job(_ id: Int, _ state: JobState, minute: Double? = nil, name: String? = nil, user: String = "jdoe") -> JobStatus {
        let submit = at(minute ?? Double(id % 1000) / 10)
        var job = JobStatus(id: String(id), name: name ?? "extract-\(id)", submittedUserId: user, submittedUserSiteId: 1,
                            state: state, submitTime: submit, stateChangedTime: submit)
        if state != .submitted {
            job.queuedTime = submit.addingTimeInterval(2)
            job.stateChangedTime = job.queuedTime
        }
        if [.started, .finished, .failed, .canceled].contains(state) {
            job.startedTime = submit.addingTimeInterval(60)
            job.stateChangedTime = job.startedTime
        }
        let end = submit.addingTimeInterval(245)
        switch state {
        case .finished: job.finishedTime = end; job.outputFolder = "D:\\extracts\\\(id)"
        case .failed: job.failedTime = end; job.errorInfo = "Table CallDetail_viw: permission denied for user dx_reader"
        case .canceled: job.canceledTime = end; job.cancelUserId = "admin"
        default: break
        }
        if state.hasEnded { job.stateChangedTime = end }
        return job
    }

    /// Jobs `first` down to `first - count + 1`, newest first, states cycling through the lifecycle.
    /// A lower id was submitted earlier (half a minute per id; job 1071 at minute 29), as a
    /// server's older pages hold older jobs. `firstMinute`: the first job's minute instead.
    static func page(from first: Int, count: Int, firstMinute: Double? = nil) -> [JobStatus] {
        let states: [JobState] = [.started, .queued, .finished, .failed, .submitted, .canceled, .finished]
        let top = firstMinute ?? 29 - Double(1071 - first) / 2
        return (0..<count).map { offset in
            job(first - offset, states[offset % states.count], minute: top - Double(offset) / 2)
        }
    }

    static let config = JobConfig(
        id: "1042", name: "nightly", submittedUserId: "jdoe",
        tables: [
            DataSetConfig(name: "CallDetail_viw", dateTimeFilterColumn: "InitiatedDateTimeUTC", siteIdFilterColumn: "SiteId",
                          column: ["CallId", "CallType", "InitiatedDateTimeUTC", "ConnectedDateTimeUTC", "TerminatedDateTimeUTC", "CallDurationSeconds", "LocalUserId"].map(ColumnRef.init(name:))),
            DataSetConfig(name: "AgentActivityLog", dateTimeFilterColumn: "StatusDateTimeUTC", column: [ColumnRef(name: "UserId"), ColumnRef(name: "StatusKey")]),
        ],
        views: [DataSetConfig(name: "IVRHistory_viw", column: [ColumnRef(name: "CallId"), ColumnRef(name: "MenuPath")])],
        startTimeFilter: Date(timeIntervalSince1970: 1_795_737_600), endTimeFilter: Date(timeIntervalSince1970: 1_795_824_000),
        siteIdFilters: [])

    /// A state at `width`x`height` with `jobs` loaded as the newest page (no more pages).
    static func state(jobs: [JobStatus], width: Int = 120, height: Int = 40, readOnly: Bool = false, pageSize: Int = 50) -> DashboardState {
        var state = DashboardState(options: options(readOnly: readOnly, pageSize: pageSize), width: width, height: height)
        _ = update(&state, .sessionStarted(user: SessionUser(id: "jdoe"), server: "cic01.example.com"))
        _ = update(&state, .connectionChanged(.connected, at: base))
        _ = update(&state, .pageLoaded(jobs: jobs, olderThan: nil, requested: pageSize, at: at(29)))
        // A list shorter than the screen asks for older jobs at once: the server has none.
        if case .loadingOlder(let olderThan) = state.servers[0].paging.phase {
            _ = update(&state, .pageLoaded(jobs: [], olderThan: olderThan, requested: pageSize, at: at(29)))
        }
        _ = rest(&state)
        return state
    }

    /// Applies actions, then lets the selection rest; returns every effect but the rest timers.
    @discardableResult
    static func send(_ state: inout DashboardState, _ actions: Action...) -> [Effect] {
        actions.flatMap { update(&state, $0) + rest(&state) }.exceptTimers
    }

    /// Presses keys, the selection resting after each (an operator pressing keys one by one);
    /// returns every effect but the rest timers.
    @discardableResult
    static func press(_ state: inout DashboardState, _ keys: Key...) -> [Effect] {
        keys.flatMap { update(&state, .key($0)) + rest(&state) }.exceptTimers
    }

    /// Runs the selection's rest timer out while one runs (the selection stays put meanwhile).
    static func rest(_ state: inout DashboardState) -> [Effect] {
        var effects: [Effect] = []
        while state.configRest.timerRunning { effects += update(&state, .timerFired(.selectionRest)) }
        return effects
    }
}

extension Array where Element == Effect {
    /// The effects other than one-shot timers.
    var exceptTimers: [Effect] {
        filter { if case .startTimer = $0 { false } else { true } }
    }

    /// The effects other than configuration loads (which follow every new selection).
    var exceptConfigLoads: [Effect] {
        filter { if case .loadConfig = $0 { false } else { true } }
    }

    /// The effects other than older pages asked for.
    var exceptPageLoads: [Effect] {
        filter { if case .loadOlderPage = $0 { false } else { true } }
    }
}

extension StatusMessage {
    /// The words the status line shows.
    var text: String { FailureText.text(self) }
}

/// A job id written alone in a test is a job of the only server.
extension JobKey: ExpressibleByStringLiteral {
    public init(stringLiteral id: String) { self.init(id: id) }
}
