import Foundation
@testable import DashboardKit
import ICWSWire

/// The dashboard's `update` over any sequence of actions decoded from the input (keys incl. control
/// bytes, resizes down to 0x0, pages, statuses, every failure kind, configurations, cancel results,
/// connection changes, the selection-rest timer, newest-job checks), rendering every few actions: nothing traps, `brokenInvariants` stays
/// empty, no view writes outside its area, and at most one configuration request is unanswered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDashboard(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    var input = ActionBytes(fuzzData(start, count))
    // One server or two (their jobs merged newest first: one of the invariants).
    let contexts = (0...Int(input.byte() % 2)).map { ContextOptions(name: "server\($0)") }
    input.contexts = contexts.count
    var state = DashboardState(options: DashboardOptions(contexts: contexts, readOnly: input.byte() % 4 == 0,
                                                         pageSize: Int(input.byte() % 8) + 1),
                               width: 100, height: 30)
    var unansweredConfigs = Set<JobKey>()
    var sentCancels: [JobKey] = []
    var steps = 0
    func apply(_ action: Action) {
        if case .configLoaded(let id, _) = action { unansweredConfigs.remove(id) }
        if case .configFailed(let id, _) = action { unansweredConfigs.remove(id) }
        for effect in update(&state, action) {
            if case .loadConfig(let id) = effect { unansweredConfigs.insert(id) }
            if case .cancelJob(let id, _) = effect { sentCancels.append(id) }
        }
        require(state.brokenInvariants.isEmpty, "\(state.brokenInvariants) after \(action)")
        require(unansweredConfigs.count <= 1, "configuration requests in flight: \(unansweredConfigs.map { "\($0)" })")
        steps += 1
        if steps % 5 == 0 {
            let surface = GridSurface(width: state.width, height: state.height)
            DashboardView.render(state, on: surface, options: RenderOptions(glyphs: steps % 2 == 0 ? .unicode : .ascii,
                                                                            now: input.date()))
            require(surface.clippedWrites.isEmpty, "writes outside the grid: \(surface.clippedWrites.prefix(3))")
        }
    }
    _ = initialEffects(state)
    while !input.isEmpty {
        apply(input.action(answering: unansweredConfigs.first, cancels: sentCancels))
    }
    return 0
}

/// Reads actions from fuzz bytes; past the end every read is 0.
struct ActionBytes {
    private var bytes: [UInt8]
    private var at = 0
    /// Servers of the dashboard: pages and statuses name one of them.
    var contexts = 1
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isEmpty: Bool { at >= bytes.count }

    mutating func byte() -> UInt8 {
        defer { at += 1 }
        return at < bytes.count ? bytes[at] : 0
    }

    mutating func int(below bound: Int) -> Int { Int(byte()) % bound }

    mutating func date() -> Date { Date(timeIntervalSince1970: 1_700_000_000 + Double(byte()) * 37) }

    /// Few ids, so pages, statuses and answers meet the same jobs; some are hostile.
    mutating func jobId() -> String {
        let hostile = ["", "\u{1b}[2J", "\u{202e}evil", "a\u{200b}b", "界界界界界界界界界界界界", String(repeating: "x", count: 300)]
        let n = int(below: 24)
        return n < hostile.count ? hostile[n] : "job-\(n)"
    }

    mutating func text() -> String {
        let n = int(below: 6)
        return ["", "plain", "\u{1b}]0;title\u{7}", "\u{202e}\u{200d}bidi", "é\u{301}\u{0}nul", String(repeating: "long ", count: 80)][n]
    }

    mutating func failure() -> Failure {
        Failure(FailureKind.allCases[int(below: FailureKind.allCases.count)], text())
    }

    mutating func job() -> JobStatus {
        let states: [JobState?] = [nil, .submitted, .queued, .started, .failed, .canceled, .finished, .unknown(99)]
        let state = states[int(below: states.count)]
        let time = date()
        return JobStatus(id: jobId(), name: text(), submittedUserId: text(), state: state,
                         submitTime: byte() % 3 == 0 ? nil : time, startedTime: state == .started ? time : nil,
                         finishedTime: state == .finished ? time : nil, errorInfo: byte() % 4 == 0 ? text() : nil)
    }

    mutating func context() -> ContextID { ContextID(int(below: contexts)) }

    mutating func jobs() -> [JobStatus] { (0..<int(below: 12)).map { _ in job() } }

    mutating func key() -> Key {
        let special: [Key] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab,
                              .enter, .escape, .backspace, .delete, .ctrlC, .ctrlL]
        let n = byte()
        if n < 128 { return .char(Character(Unicode.Scalar(n))) }
        if n < 128 + 16 { return special[Int(n) - 128] }
        // The keys that matter most, more often than their share of bytes.
        return .char(Array("jkcynq/s?rdxJK ")[Int(n) % 15])
    }

    mutating func connection() -> ConnectionStatus {
        switch int(below: 6) {
        case 0: .connecting
        case 1: .connected
        case 2: .stale(since: date())
        case 3: .reconnecting(attempt: int(below: 9), because: .failed(Failure(.unavailable, text())))
        case 4: .pollingWhileStreamUnstable(every: .seconds(int(below: 60)))
        default: .offline(because: .failed(Failure(.unavailable, text())))
        }
    }

    mutating func action(answering config: JobKey?, cancels: [JobKey]) -> Action {
        switch int(below: 18) {
        case 0...5: return .key(key())
        case 6: return .resize(width: int(below: 140), height: int(below: 50))
        case 7:
            let olderThan = byte() % 3 == 0 ? nil : jobId()
            return .pageLoaded(context: context(), jobs: jobs(), olderThan: olderThan, requested: int(below: 12) + 1, at: date(),
                               warnings: byte() % 8 == 0 ? [text()] : [])
        case 8: return .pageFailed(context: context(), olderThan: byte() % 2 == 0 ? nil : jobId(), failure: failure(), at: date())
        case 9: return .statusesReceived(context: context(), jobs(), at: date())
        case 10: return .configLoaded(id: config ?? JobKey(context: .first, id: jobId()), config: JobConfig(name: text(), submittedUserId: text()))
        case 11: return .configFailed(id: config ?? JobKey(context: .first, id: jobId()), failure: failure())
        case 12: return .cancelSucceeded(id: cancels.last ?? JobKey(context: .first, id: jobId()))
        case 13: return .cancelFailed(id: cancels.last ?? JobKey(context: .first, id: jobId()), failure: failure())
        case 14: return .connectionChanged(connection(), at: date())
        case 15: return byte() % 2 == 0 ? .timerFired(.selectionRest) : .timerFired(.cancelAccepted(cancels.last ?? JobKey(context: .first, id: jobId())))
        case 16: return .newestChecked(newestId: byte() % 4 == 0 ? nil : jobId())
        default: return byte() % 2 == 0 ? .refreshDue() : .sessionStarted(user: SessionUser(id: text(), displayName: text()), server: text())
        }
    }
}
