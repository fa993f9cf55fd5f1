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

/// Follows the job-status feed until the awaited jobs have ended or the task is cancelled
/// (`CommandContext.withSession` cancels it on SIGINT/SIGTERM).
struct JobWatcher: Sendable {
    let session: ICWSSession
    let initial: [JobStatus]
    let awaited: Set<String>
    let printer: StateChangePrinter

    func run() async throws {
        let start = StateChangeTracker(initial: initial, awaited: awaited)
        for status in initial where awaited.contains(status.id) && status.knownState.hasEnded {
            StandardStreams.note("job \(TerminalSafe.clean(status.id)) has already ended (\(status.knownState.word))")
        }
        if start.allAwaitedEnded { return }

        let feed = JobStatusFeed(session: session)
        let events = feed.events()
        let ids = initial.map(\.id)
        try await feed.watch(jobIds: ids)
        StandardStreams.note("watching \(ids.count) job\(ids.count == 1 ? "" : "s"); press Ctrl-C to stop")

        var tracker = start
        var ended = false
        for await event in events {
            switch event {
            case .statuses(let statuses):
                for change in tracker.apply(statuses, seenAt: Date()) { printer.print(change) }
                ended = tracker.allAwaitedEnded
            case .connection(let state):
                WatchNotes.connection(state)
            case .failed(let failure):
                await feed.stop()
                throw failure
            }
            if ended { break }
        }
        await feed.stop()
        if !ended, !Task.isCancelled {
            throw CLIError.failure("the job-status feed ended unexpectedly")
        }
    }
}

/// Notes about the feed's connection, on stderr.
enum WatchNotes {
    static func connection(_ state: FeedState) {
        switch state {
        case .live:
            break
        case .stale(let silent):
            StandardStreams.note("the event stream has been silent for \(silent.components.seconds) s; waiting for it")
        case .reconnecting(let attempt, let reason):
            StandardStreams.note("connection lost (\(TerminalSafe.clean(reason))); reconnecting, attempt \(attempt)")
        }
    }
}
