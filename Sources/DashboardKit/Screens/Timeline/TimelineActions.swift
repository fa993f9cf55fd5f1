import Foundation
import JobComposition

extension DashboardState {
    /// How far before the window a job may have been submitted and still be drawn: jobs are
    /// looked up by submission time, and a job running for longer than this is left out.
    static let timelineLookBack: TimeInterval = 86_400

    /// The time the timeline's bars and "now" line are drawn against: the latest the dashboard knows.
    var timelineNow: Date { clock ?? lastDataAt ?? Date(timeIntervalSince1970: 0) }

    /// Today in the display zone.
    var today: TimelineWindow { TimelineWindow.day(of: timelineNow, calendar: Calendar.gregorian(in: options.timeFormat.timeZone)) }

    /// `t`: the timeline over today, every server.
    mutating func openTimeline() -> [Effect] {
        var screen = TimelineScreen(window: today)
        screen.keepRows(self)
        push(screen)
        return []
    }

    /// The loaded jobs of every server that take room in `window`, found by submission time in the
    /// merged order (newest first): only those submitted in the window or a day before are read,
    /// by slot (no key is looked up).
    func timelineJobs(in window: TimelineWindow, now: Date) -> [TimelineJob] {
        let earliest = window.start.addingTimeInterval(-Self.timelineLookBack)
        let slots = loadOrder.slots
        // Newest first, jobs without a submission time last: skip those submitted after the window.
        var low = slots.startIndex, high = slots.endIndex
        while low < high {
            let mid = (low + high) / 2
            if let time = jobs.submitTime(slots[mid]), time >= window.end { low = mid + 1 } else { high = mid }
        }
        var found: [TimelineJob] = []
        for slot in slots[low...] {
            guard let submitted = jobs.submitTime(slot) else { continue }
            if submitted < earliest { break }
            let status = jobs[slot], key = jobs.key(slot)
            let job = TimelineJob(key: key, name: status.name, series: history.seriesKey(of: key), submitted: status.submitTime,
                                  started: status.startedTime, ended: status.endTime, state: status.knownState)
            if job.overlaps(window, now: now) { found.append(job) }
        }
        return found
    }

    /// Changes the open timeline.
    /// Changes the open timeline; its rows are read again only if the change needs it.
    mutating func editTimeline(_ change: (inout TimelineScreen) -> Void) -> [Effect] {
        editTop(TimelineScreen.self) { screen, state in
            change(&screen)
            screen.keepRows(state)
            return []
        }
    }

    /// `j`/`k`: the cursor moves over the rows the timeline shows (kept: a move reads no job).
    mutating func moveTimelineCursor(_ delta: Int) -> [Effect] {
        editTop(TimelineScreen.self) { screen, state in
            screen.keepRows(state)
            screen.moveCursor(delta, rowCount: screen.current(state).rows.count)
            return []
        }
    }

    func timelineRows(_ screen: TimelineScreen) -> [TimelineRow] { screen.current(self).rows }
}
