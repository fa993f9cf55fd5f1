import ICWSWire

/// One job of a bulk dialog's list: the group it is listed under (its jobs stand together).
protocol MarkedJobEntry: Equatable, Sendable {
    associatedtype Group: Equatable & Sendable
    var key: JobKey { get }
    /// Fixed when the dialog opens: what changes later (an outcome) never moves a job.
    var group: Group { get }
}

/// The marked jobs of a bulk dialog (the bulk cancel's, the bulk resubmit's) under a heading per
/// group, and how far they are scrolled. The list's lines are its headings and its jobs; the
/// scroll stops where the last line shows in the room the dialog gives them.
struct MarkedJobList<Entry: MarkedJobEntry>: Equatable, Sendable {
    /// One line of the list.
    enum Line: Equatable {
        case heading(Entry, count: Int)
        case job(Entry)
    }

    /// In the dialog's order, each group's jobs together.
    private(set) var entries: [Entry]
    /// Where each group starts in `entries`, and its size.
    private let groups: [Range<Int>]
    /// First line shown.
    private(set) var scroll = 0

    init(_ entries: [Entry]) {
        self.entries = entries
        var groups: [Range<Int>] = []
        for index in entries.indices {
            if let last = groups.last, entries[last.lowerBound].group == entries[index].group {
                groups[groups.count - 1] = last.lowerBound..<(index + 1)
            } else {
                groups.append(index..<(index + 1))
            }
        }
        self.groups = groups
    }

    /// Headings and jobs.
    var lineCount: Int { entries.count + groups.count }

    /// The first line shown in `room` lines: the scroll, kept where the last line shows (a taller
    /// screen or a longer question than at the last key).
    func top(room: Int) -> Int { ScrollCap.top(scroll, count: lineCount, room: room) }

    /// `j`/`k`: `by` lines down (up when negative), within the list as `room` lines show it.
    mutating func scroll(by lines: Int, room: Int) {
        scroll = ScrollCap.moved(scroll, by: lines, count: lineCount, room: room)
    }

    mutating func scrollToTop() { scroll = 0 }

    /// The lines `room` lines show from the scroll.
    func shown(room: Int) -> [Line] {
        var lines: [Line] = []
        var skip = top(room: room)
        for group in groups where lines.count < room {
            if skip > group.count {
                skip -= group.count + 1
                continue
            }
            if skip == 0 { lines.append(.heading(entries[group.lowerBound], count: group.count)) }
            let first = group.lowerBound + max(0, skip - 1)
            skip = 0
            for index in first..<group.upperBound where lines.count < room { lines.append(.job(entries[index])) }
        }
        return lines
    }

    /// Changes the job `key`'s entry (its outcome: never its group).
    mutating func edit(_ key: JobKey, _ change: (inout Entry) -> Void) {
        if let index = entries.firstIndex(where: { $0.key == key }) { edit(at: index, change) }
    }

    mutating func edit(at index: Int, _ change: (inout Entry) -> Void) {
        let group = entries[index].group
        change(&entries[index])
        assert(entries[index].group == group, "a job's group is fixed when the dialog opens")
    }
}

/// A bulk dialog listing marked jobs: its list, and the room its view gives the list.
protocol MarkedJobsScreen: DashboardScreen {
    associatedtype Entry: MarkedJobEntry
    var list: MarkedJobList<Entry> { get set }
    /// The lines the jobs get on `state`'s screen (the view draws them in as many).
    func listRoom(_ state: DashboardState) -> Int
}

extension MarkedJobsScreen {
    /// `j`/`k` (and the arrows) scroll the jobs, in the dialog's `contexts`.
    static func scrollBindings(in contexts: Set<KeyContext>) -> [Binding] {
        [
            Binding([.char("j"), .down], in: contexts, help: "scroll the jobs down",
                    footer: FooterLabel(label: "scroll", rank: 4)) { state, _ in scroll(&state, by: 1) },
            Binding([.char("k"), .up], in: contexts, help: "scroll the jobs up",
                    footer: FooterLabel(label: "scroll", rank: 4)) { state, _ in scroll(&state, by: -1) },
        ]
    }

    private static func scroll(_ state: inout DashboardState, by lines: Int) -> [Effect] {
        state.editTop(Self.self) { dialog, state in
            dialog.list.scroll(by: lines, room: dialog.listRoom(state))
            return []
        }
    }
}
