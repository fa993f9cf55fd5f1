import Foundation
import JobComposition

extension DashboardState {
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
