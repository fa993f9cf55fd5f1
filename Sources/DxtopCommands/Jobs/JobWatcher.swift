import DisplayText
import Foundation
import ICWSClient
import ICWSWire

/// Writes state changes as human lines or JSON lines.
struct StateChangePrinter: Sendable {
    let json: Bool
    let format: TimeFormat

    func print(_ change: StateChange) {
        if json {
            StandardStreams.out((try? SafeJSON.line(JSONOutput.StateChangeLine(change: change))) ?? "{}")
        } else {
            StandardStreams.out(StateChangeText.line(change, format: format))
        }
    }
}

/// Follows the job-status feed until the awaited jobs have ended (or vanished) or the task is
/// cancelled (`CommandContext.withSession` cancels it on SIGINT/SIGTERM). After each reconnection
/// the feed has sent the subscription again: the first statuses that follow (the server's full
/// answer) print what changed meanwhile, and the watcher asks only about the jobs that may still
/// change and are missing from them: one the server no longer knows is reported and counts as
/// ended.
struct JobWatcher: Sendable {
    let session: ICWSSession
    let initial: [JobStatus]
    let awaited: Set<String>
    let printer: StateChangePrinter

    /// How the awaited jobs ended: their last statuses, and the ids the server no longer knows.
    struct Outcome: Sendable {
        var statuses: [JobStatus] = []
        var vanished: [String] = []
    }

    func run() async throws -> Outcome {
        var tracker = StateChangeTracker(initial: initial, awaited: awaited)
        for status in initial where awaited.contains(status.id) && status.knownState.hasEnded {
            StandardStreams.note("job \(TerminalSafe.clean(status.id)) has already ended (\(status.knownState.word))")
        }
        if tracker.allAwaitedEnded { return outcome(tracker) }

        let feed = JobStatusFeed(session: session)
        let events = feed.events()
        let ids = initial.map(\.id)
        try await feed.watch(jobIds: ids)
        StandardStreams.note("watching \(ids.count) job\(ids.count == 1 ? "" : "s"); press Ctrl-C to stop")

        var ended = false
        /// Resumed after a reconnection: the next statuses answer the subscription sent again.
        var awaitingFullStatuses = false
        for await event in events {
            switch event {
            case .statuses(let message):
                for change in tracker.apply(message.jobStatusList, isDelta: message.isDelta, seenAt: Date()) { printer.print(change) }
                if awaitingFullStatuses, !message.isDelta {
                    awaitingFullStatuses = false
                    let listed = Set(message.jobStatusList.map(\.id))
                    await lookUp(tracker.unfinished.filter { !listed.contains($0) }, &tracker)
                }
            case .connection(let state):
                WatchNotes.connection(state, policy: feed.policy)
            case .resumed:
                awaitingFullStatuses = true
            case .failed(let failure):
                await feed.stop()
                throw failure
            }
            ended = tracker.allAwaitedEnded
            if ended { break }
        }
        await feed.stop()
        if !ended, !Task.isCancelled {
            throw CLIError.failure("the job-status feed ended unexpectedly")
        }
        return outcome(tracker)
    }

    /// Asks for each of these jobs: a change missed meanwhile is printed, a job the server answers
    /// "not found" for is reported vanished. Other failures leave the job watched.
    private func lookUp(_ ids: [String], _ tracker: inout StateChangeTracker) async {
        for id in ids {
            do {
                guard let status = try await session.job(id: id, mode: .status).jobStatus else { continue }
                for change in tracker.apply([status], seenAt: Date()) { printer.print(change) }
            } catch {
                guard Failure(error).kind == .notFound, tracker.markVanished(id) else { continue }
                StandardStreams.note("job \(TerminalSafe.clean(id)) is no longer known to the server (vanished)")
            }
        }
    }

    private func outcome(_ tracker: StateChangeTracker) -> Outcome {
        Outcome(statuses: tracker.awaitedStatuses, vanished: tracker.awaited.filter { tracker.vanished.contains($0) }.sorted())
    }
}

/// Notes about the feed's connection, on stderr: one line when the link is lost, one when the
/// feed gives the link up as offline (it keeps trying), one when it falls back to polling.
enum WatchNotes {
    static func connection(_ state: FeedState, policy: ConnectionPolicy) {
        switch state {
        case .live(.pollingWhileStreamUnstable(let interval)):
            StandardStreams.note("the event stream is unstable; polling every \(interval.components.seconds) s for a while")
        case .live:
            break
        case .stale(let silent):
            StandardStreams.note("the event stream has been silent for \(silent.components.seconds) s; waiting for it")
        case .reconnecting(let attempt, let trouble) where attempt == 1:
            StandardStreams.note("connection lost (\(TerminalSafe.clean(trouble.words))); reconnecting")
        case .offline(let attempt, let trouble) where attempt == policy.offlineAfterAttempts:
            StandardStreams.note("still no connection after \(attempt) attempts (\(TerminalSafe.clean(trouble.words))); retrying")
        case .reconnecting, .offline:
            break
        }
    }
}
