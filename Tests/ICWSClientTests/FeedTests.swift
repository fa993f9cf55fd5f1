import Foundation
import ICWSSimulator
import ICWSWire
import TestClock
import Testing
@testable import ICWSClient

@Suite struct FeedTests {
    /// Watches one job, then moves it on the server and expects the merged status through the feed.
    /// A polling feed waits on `clock`, which the test moves to its next poll after each change.
    private func expectStateChange(fixture: SimulatorFixture, feed: JobStatusFeed, transport: FeedTransport,
                                   clock: ManualClock? = nil) async throws {
        func nextPoll() async {
            guard let clock else { return }
            #expect(await clock.waitForSleepers(1), "the polling waits on the clock")
            clock.advance(by: feed.policy.idlePollCap)
        }
        var events = feed.events().makeAsyncIterator()
        _ = try await nextEvent(&events) { $0 == .connection(.live(transport)) }
        let id = await fixture.simulator.addJob(sampleJobConfig(name: "watched"), submittedBy: "admin")
        try await feed.watch(jobIds: [id])
        await nextPoll()
        let initial = try await nextEvent(&events) { if case .statuses = $0 { true } else { false } }
        guard case .statuses(let first) = initial else { return }
        #expect(!first.isDelta && first.jobStatusList.map(\.id) == [id])
        #expect(first.jobStatusList.first?.state == .submitted)
        await fixture.simulator.advance(jobId: id)
        await nextPoll()
        let changed = try await nextEvent(&events) { if case .statuses = $0 { true } else { false } }
        guard case .statuses(let second) = changed, let delta = second.jobStatusList.first else { return }
        #expect(delta.id == id)
        #expect(delta.state == .queued)
        // The feed keeps no status: it hands the delta over as the server sent it, and the
        // consumer merges it into the one copy it keeps.
        #expect(second.isDelta && delta.submitTime == nil, "the delta as it came, not merged by the feed")
        #expect(delta.applied(to: first.jobStatusList.first, isDelta: true).submitTime == first.jobStatusList.first?.submitTime)
        await feed.stop()
    }

    @Test func stateChangeArrivesByServerSentEvents() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            try await session.connect()
            try await expectStateChange(fixture: fixture, feed: JobStatusFeed(session: session), transport: .serverSentEvents)
        }
    }

    /// The program's poll interval, on a `ManualClock` the test moves (no shrunk interval).
    @Test func stateChangeArrivesByPollingOnMessagingOne() async throws {
        let fixture = try await SimulatorFixture.start { $0.messagingVersion = 1 }
        let clock = ManualClock(start: Date())
        var configuration = fixture.configuration()
        configuration.clock = clock
        try await fixture.withSession(configuration) { session in
            try await session.connect()
            try await expectStateChange(fixture: fixture, feed: JobStatusFeed(session: session), transport: .polling, clock: clock)
        }
    }

    @Test func pollingCanBeForced() async throws {
        let fixture = try await SimulatorFixture.start()
        let clock = ManualClock(start: Date())
        var configuration = fixture.configuration()
        configuration.clock = clock
        try await fixture.withSession(configuration) { session in
            let feed = JobStatusFeed(session: session, useServerSentEvents: false)
            try await expectStateChange(fixture: fixture, feed: feed, transport: .polling, clock: clock)
        }
    }

    /// The dashboard adds jobs to the one watched set, the session's: additions add up, whatever
    /// order they arrive in, and a job added twice is watched once.
    @Test func jobsAddedToTheWatchedSetAddUp() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let feed = JobStatusFeed(session: session)
            var events = feed.events().makeAsyncIterator()
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            let first = await fixture.simulator.addJob(sampleJobConfig(name: "first"), submittedBy: "admin")
            let second = await fixture.simulator.addJob(sampleJobConfig(name: "second"), submittedBy: "admin")
            try await feed.watch(adding: [first])
            async let again: Void = feed.watch(adding: [first])
            async let other: Void = feed.watch(adding: [second])
            _ = try await (again, other)
            #expect(await session.subscribedJobIds == [first, second])
            await fixture.simulator.advance(jobId: first)
            // The first job is still watched after the second joined: its change arrives.
            _ = try await nextEvent(&events) {
                if case .statuses(let message) = $0 { message.jobStatusList.contains { $0.id == first && $0.state == .queued } } else { false }
            }
            await feed.stop()
        }
    }

    @Test func aSubscriptionThatFailsWhileLiveIsSentAgain() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let feed = JobStatusFeed(session: session)
            var events = feed.events().makeAsyncIterator()
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            let id = await fixture.simulator.addJob(sampleJobConfig(name: "late"), submittedBy: "admin")
            // The PUT meets an injected 500 after the stream is live (as a re-login's can).
            await fixture.simulator.setFaults(SimulatorFaults(failNextRequests: 1))
            await #expect(throws: ICWSError.self) { try await feed.watch(jobIds: [id]) }
            let sentAgain = try await nextEvent(&events) { if case .statuses = $0 { true } else { false } }
            guard case .statuses(let statuses) = sentAgain else { return }
            #expect(statuses.jobStatusList.map(\.id) == [id])
            await feed.stop()
        }
    }

    @Test func streamReconnectsAfterTheSessionEnds() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let feed = JobStatusFeed(session: session)
            var events = feed.events().makeAsyncIterator()
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            let id = await fixture.simulator.addJob(sampleJobConfig(name: "kept"), submittedBy: "admin")
            try await feed.watch(jobIds: [id])
            let full = try await nextEvent(&events) { if case .statuses = $0 { true } else { false } }
            // The server drops the session: its stream ends.
            await fixture.simulator.setFaults(SimulatorFaults(expireSessionsAfterRequests: 0))
            _ = try? await session.listJobs(count: 1)
            await fixture.simulator.setFaults(SimulatorFaults())
            _ = try await nextEvent(&events) { if case .connection(.reconnecting) = $0 { true } else { false } }
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            await fixture.simulator.advance(jobId: id)
            let changed = try await nextEvent(&events) { event in
                if case .statuses(let message) = event { message.jobStatusList.first?.state == .queued } else { false }
            }
            guard case .statuses(let kept) = full, case .statuses(let delta) = changed else { return }
            let merged = delta.jobStatusList.first?.applied(to: kept.jobStatusList.first, isDelta: delta.isDelta)
            #expect(merged?.name == "kept" && merged?.submitTime != nil)
            await feed.stop()
        }
    }

    /// The connected host disappears (connection refused): reopening the stream logs in again
    /// through the alternates of the last login, like a session call does, and the feed goes on
    /// from the partner.
    @Test func eventStreamMovesToThePartnerWhenTheHostVanishes() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withPartner { _ in
            try await fixture.withSession(fixture.configuration(timeout: .seconds(5))) { session in
                var probe = try await FeedProbe.watching(jobNamed: "moved", session: session,
                                                         simulator: fixture.simulator, transport: .serverSentEvents)
                #expect(await session.info?.server.host == "127.0.0.1")
                await fixture.simulator.stop()
                try await probe.waitUntilLive(.serverSentEvents)
                #expect(await session.info?.server.host == "127.0.0.2")
                // The re-login PUT the subscription on the partner: its full status, then changes.
                _ = try await probe.nextStatus { $0.state == .submitted }
                try await probe.expectAdvanceArrives()
                await probe.feed.stop()
            }
        }
    }

    @Test func stopEndsTheEventStream() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let feed = JobStatusFeed(session: session, useServerSentEvents: false)
            var events = feed.events().makeAsyncIterator()
            _ = try await nextEvent(&events) { $0 == .connection(.live(.polling)) }
            await feed.stop()
            // Whatever was still buffered may drain, but the stream must finish (bounded wait).
            let box = UncheckedIterator(events)
            let ended = try await HTTPTransport.within(.seconds(10)) {
                while await box.next() != nil {}
                return true
            }
            #expect(ended == true, "the event stream finishes after stop()")
        }
    }

    /// The program's liveness bounds and backoff on a `ManualClock`: the test moves the clock past
    /// the silence a stream is trusted for, instead of shrinking it.
    @Test func silentStreamIsReopenedByTheWatchdog() async throws {
        let fixture = try await SimulatorFixture.start { $0.pingInterval = .seconds(60) }
        let clock = ManualClock(start: Date())
        var configuration = fixture.configuration()
        configuration.clock = clock
        try await fixture.withSession(configuration) { session in
            let feed = JobStatusFeed(session: session, pollInterval: .seconds(2), useServerSentEvents: nil)
            var events = feed.events().makeAsyncIterator()
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            #expect(await clock.waitForSleepers(1), "the watchdog waits on the clock")
            clock.advance(by: feed.policy.streamIdleTimeout + .seconds(1))
            // Past both bounds at once: stale is said first, the next tick reopens the stream.
            _ = try await nextEvent(&events) { if case .connection(.stale) = $0 { true } else { false } }
            #expect(await clock.waitForSleepers(1), "the watchdog waits on the clock")
            clock.advance(by: .seconds(1))
            let reconnecting = try await nextEvent(&events) { if case .connection(.reconnecting) = $0 { true } else { false } }
            guard case .connection(.reconnecting(let attempt, let trouble)) = reconnecting else { return }
            #expect(attempt == 1)
            if case .streamSilent = trouble {} else { Issue.record("expected a silent stream, got \(trouble)") }
            #expect(await clock.waitForSleepers(1), "the backoff waits on the clock")
            clock.advance(by: configuration.backoff.ceiling(attempt: 1))
            _ = try await nextEvent(&events) { $0 == .connection(.live(.serverSentEvents)) }
            await feed.stop()
        }
    }

    @Test func feedEndsWhenTheSessionIsShutDown() async throws {
        let fixture = try await SimulatorFixture.start()
        let clock = ManualClock(start: Date())
        var configuration = fixture.configuration()
        configuration.clock = clock
        let session = try ICWSSession(configuration: configuration)
        let feed = JobStatusFeed(session: session, useServerSentEvents: false)
        var events = feed.events().makeAsyncIterator()
        _ = try await nextEvent(&events) { $0 == .connection(.live(.polling)) }
        await session.shutdown()
        // The next poll finds the session shut down.
        #expect(await clock.waitForSleepers(1), "the polling waits on the clock")
        clock.advance(by: feed.policy.idlePollCap)
        let box = UncheckedIterator(events)
        let ended = try await HTTPTransport.within(.seconds(10)) {
            while await box.next() != nil {}
            return true
        }
        #expect(ended == true, "the event stream finishes after shutdown")
        await feed.stop()
        await fixture.simulator.stop()
    }
}
