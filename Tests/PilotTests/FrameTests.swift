import DashboardKit
import DashboardRuntime
import Foundation
import ICWSWire
import Synchronization
import TestClock
import Testing

/// The runtime's frames on a clock the test moves: a burst of changes is applied together and
/// drawn at most once per `frameInterval`, one timer wakes the loop for a waiting frame, keys are
/// drawn at once, and nothing runs at rest. No server is needed (a service that only records the effects), and no
/// sleep: the clock moves only when the test says so.
@Suite("Frames, not events")
struct FrameTests {
    static let start = Date(timeIntervalSince1970: 1_795_860_000)

    final class Harness {
        let clock = ManualClock(start: FrameTests.start)
        let wake = AsyncWake()
        let wakeups: WakeIterator
        let display = GridDisplay(width: 120, height: 40)
        let service = RecordingService()
        let runtime: DashboardRuntime

        init() {
            wakeups = WakeIterator(wake.stream)
            runtime = DashboardRuntime(options: DashboardOptions(server: "pilot", user: "admin"), display: display,
                                       service: service, wake: wake, clock: clock)
            runtime.start()
        }

        /// Steps on every wake until `condition` holds (the pilot's deadline only as a safety net).
        func stepUntil(_ what: String, _ condition: () -> Bool) async {
            let alarm = Task { [wake] in
                try? await Task.sleep(for: Pilot.deadline)
                wake.signal()
            }
            defer { alarm.cancel() }
            let begun = ContinuousClock.now
            while true {
                _ = runtime.step([])
                if condition() { return }
                if ContinuousClock.now - begun >= Pilot.deadline {
                    Issue.record("timed out waiting for \(what)")
                    return
                }
                _ = await wakeups.next()
            }
        }

        func post(_ action: Action) { runtime.poster(.action(action)) }

        static func job(_ number: Int, _ state: JobState) -> JobStatus {
            JobStatus(id: String(format: "%08x-0000-4000-8000-000000000000", number), name: "job \(number)",
                      submittedUserId: "jdoe", state: state, submitTime: FrameTests.start)
        }
    }

    /// Idle checks leave the state's clock where it was (an idle dashboard writes nothing); a key
    /// brings it up to date, so the composer's "today" and "yesterday" count from the key press.
    @Test func aKeyReadsTheClockSoPresetsCountFromThePress() {
        let harness = Harness()
        let listed = Harness.job(1, .finished)
        harness.post(.pageLoaded(jobs: [listed], olderThan: nil, requested: 50, at: harness.clock.now()))
        _ = harness.runtime.step([])
        harness.clock.advance(by: .seconds(2 * 86_400))
        harness.post(.newestChecked(newestId: listed.id))
        _ = harness.runtime.step([])
        #expect(harness.runtime.state.clock == FrameTests.start, "an idle check leaves the clock")
        _ = harness.runtime.step([.key(.char("n"))])
        #expect(harness.runtime.state.composer != nil)
        #expect(harness.runtime.state.clock == harness.clock.now(), "the key read the clock: two days on")
    }

    @Test func aBurstWaitsForTheNextFrameAndOneTimerWakesTheLoop() async {
        let harness = Harness()
        let runtime = harness.runtime
        #expect(runtime.framesDrawn == 1, "the first frame")
        harness.clock.advance(by: .milliseconds(1))
        for number in 0..<500 { harness.post(.statusesReceived([Harness.job(number, .queued)], at: harness.clock.now())) }
        _ = runtime.step([])
        #expect(runtime.state.jobs.count == 500, "everything posted is applied at once")
        #expect(runtime.framesDrawn == 1, "1 ms after a frame: the next waits")
        #expect(await harness.clock.waitForSleepers(1), "the frame timer waits")
        for number in 500..<1000 { harness.post(.statusesReceived([Harness.job(number, .started)], at: harness.clock.now())) }
        _ = runtime.step([])
        #expect(runtime.framesDrawn == 1)
        #expect(!runtime.isQuiet, "a waiting frame is not quiet")

        harness.clock.advance(by: .milliseconds(20))
        await harness.stepUntil("the waiting frame") { runtime.framesDrawn == 2 }
        #expect(harness.display.grid.text.contains("1000/1000 jobs"))
        #expect(harness.clock.sleeps(upTo: DashboardRuntime.frameInterval) == 1, "one timer for the waiting frame, not one per event")

        // The selection's rest timer (the first job was selected) runs out; then nothing waits to run.
        harness.clock.advance(by: .milliseconds(200))
        await harness.stepUntil("the dashboard to become quiet") { runtime.isQuiet }
        #expect(harness.clock.sleepers == 1 && harness.clock.sleeps(of: .seconds(1)) == 1,
                "at rest only the elapsed-time tick waits (jobs that have not ended are on screen)")
        harness.clock.advance(by: .milliseconds(20))
        let drawn = runtime.framesDrawn
        _ = runtime.step([.key(.char("j"))])
        #expect(runtime.framesDrawn == drawn + 1, "a key with no frame waiting is drawn at once")
    }

    @Test func aThousandChangesInASecondMakeAtMostSixtyFrames() async {
        let harness = Harness()
        let runtime = harness.runtime
        harness.post(.pageLoaded(jobs: (0..<50).map { Harness.job($0, .queued) }, olderThan: nil, requested: 50, at: harness.clock.now()))
        _ = runtime.step([])
        let before = runtime.framesDrawn
        for change in 0..<1000 {
            harness.clock.advance(by: .milliseconds(1))
            harness.post(.statusesReceived([Harness.job(change % 50, change % 2 == 0 ? .started : .queued)], at: harness.clock.now()))
            _ = runtime.step([])
        }
        let frames = runtime.framesDrawn - before
        #expect(frames <= 60, "\(frames) frames")
        #expect(frames >= 55, "\(frames) frames: the changes are still drawn through the second")
    }

    /// While a job that has not ended is on screen its elapsed time moves once a second (one
    /// one-shot timer at a time, on the runtime's clock); once it ends nothing ticks.
    @Test func aRunningJobsElapsedTimeTicksAndAnEndedOneDoesNot() async {
        let harness = Harness()
        let runtime = harness.runtime
        harness.post(.pageLoaded(jobs: [Harness.job(1, .started)], olderThan: nil, requested: 50, at: harness.clock.now()))
        await harness.stepUntil("the job listed") { runtime.state.jobs.count == 1 }
        /// Steps the loop (which applies the tick and starts the next) until `count` ticks have started.
        func ticksStarted(_ count: Int) async {
            let begun = ContinuousClock.now
            while harness.clock.sleeps(of: .seconds(1)) < count, ContinuousClock.now - begun < Pilot.deadline {
                _ = runtime.step([])
                await Task.yield()
            }
            #expect(harness.clock.sleeps(of: .seconds(1)) >= count, "\(count) ticks started")
        }
        for second in 1...3 {
            await ticksStarted(second)
            harness.clock.advance(by: .seconds(1))
            await harness.stepUntil("\(second)s shown") {
                harness.display.grid.lines.contains { $0.contains("job 1") && $0.hasSuffix(" \(second)s") }
            }
        }
        var ended = Harness.job(1, .finished)
        ended.finishedTime = harness.clock.now()
        harness.post(.statusesReceived([ended], at: harness.clock.now()))
        await harness.stepUntil("the job ended") { runtime.state.jobs[JobKey(id: ended.id)]?.state == .finished }
        // The tick already running may fire once more; then none starts.
        for _ in 0..<3 {
            harness.clock.advance(by: .seconds(1))
            await Task.yield()
            _ = runtime.step([])
        }
        let ticks = harness.clock.sleeps(of: .seconds(1))
        for _ in 0..<5 {
            harness.clock.advance(by: .seconds(1))
            await Task.yield()
            _ = runtime.step([])
        }
        #expect(harness.clock.sleeps(of: .seconds(1)) == ticks && ticks <= 4, "no job running on screen: no tick")
    }

    @Test func aBurstSendsOneSubscription() async {
        let harness = Harness()
        let runtime = harness.runtime
        for number in 0..<200 { harness.post(.statusesReceived([Harness.job(number, .queued)], at: harness.clock.now())) }
        await harness.stepUntil("the watch to be sent") { harness.service.watches > 0 }
        #expect(harness.service.watches == 1, "200 new jobs in one step: one watch")
        let added = Set(harness.service.watched.map(\.id))
        #expect(added.count == 200 && added == Set((0..<200).map { Harness.job($0, .queued).id }),
                "the one watch adds every job of the step (\(added.count)), not only the last change's")
        for number in 0..<200 { harness.post(.statusesReceived([Harness.job(number, .finished)], at: harness.clock.now())) }
        _ = runtime.step([])
        #expect(runtime.state.stateCounts[.finished] == 200)
        #expect(harness.service.watches == 1, "jobs ending send none")
    }
}

/// A job service that answers nothing and counts the subscriptions asked for.
final class RecordingService: JobService {
    private let watchCount = Mutex(0)
    private let watchedKeys = Mutex<[JobKey]>([])
    var watches: Int { watchCount.withLock { $0 } }
    /// Every job the watches added.
    var watched: [JobKey] { watchedKeys.withLock { $0 } }
    func start(posting post: @escaping @Sendable (RuntimeEvent) -> Void) {}
    func perform(_ effect: Effect) async -> Action? {
        if case .watch(let keys) = effect {
            watchCount.withLock { $0 += 1 }
            watchedKeys.withLock { $0 += keys }
        }
        return nil
    }
    func stop() async {}
}

