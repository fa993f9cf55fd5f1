import Foundation
import ICWSWire
import JobQuery

/// Every loaded job of every server and what is derived from them: the merged order over servers
/// (`MergedOrder`), the rows shown after the filter and sort, the filter text of each job, the
/// count of jobs per state, the id column's width and the ids' shortest distinct prefixes.
///
/// Only its own methods change it, each stating an intent (put a page or statuses, set the sort,
/// set the filter) and bringing everything derived up to date before it returns, so nothing can
/// be left out of step: there is no flag to set and no refresh to remember. What it costs is what
/// changed: jobs on top or at the end of the merged order go on top or at the end of the rows,
/// one more filter character searches only the rows shown, a character less returns to the wider
/// result kept from typing it; the rows are rebuilt only when the sort changed, jobs went into the
/// middle, or an order other than newest-first has new or changed jobs.
public struct JobIndex: Sendable {
    typealias Slot = JobStore.Slot

    /// Every loaded job, by key (stored by slot).
    public private(set) var jobs = JobStore()
    /// Loaded jobs of every server, newest first (`ListingOrder`).
    private(set) var order = MergedOrder()
    /// The rows shown, after filter and sort.
    private(set) var rows = RowList()
    public private(set) var sort: SortOrder = .newest
    /// The run history's value of each job for a USUAL or ETA sort (`setSort(_:now:ranks:)`).
    private(set) var historyRanks: [JobKey: Double] = [:]
    /// The lower-cased filter the rows were computed for.
    private(set) var needle = ""
    /// The field filter the rows were computed for (`state:failed !user:jdoe`), nil for plain text
    /// (`needle`, searched incrementally), and the time its `since:`/`before:` were measured at.
    private(set) var query: (JobQuery, now: Date)?
    /// Each server's name for `ctx:` (several servers only).
    private var labels: [ContextID: String] = [:]
    /// Jobs per state among the loaded ones.
    public private(set) var stateCounts: [JobState: Int] = [:]
    /// Cells taken by the widest loaded job id (cleaned), so the list's ID column does not change
    /// width while scrolling.
    public private(set) var idWidth = 0
    /// Lower-cased "name id user context" per job, for the filter.
    private(set) var searchText = SearchText()
    /// How much of each id the list shows to tell the loaded jobs apart.
    private(set) var idPrefixes = IdPrefixes()
    /// Wider results of the filter being typed (each a prefix of it, the empty one included), in
    /// the current sort order: backspace returns to one without a search. Emptied when jobs or
    /// the sort change.
    private(set) var widerMatches: [(needle: String, slots: [Slot])] = []

    /// Puts a server's statuses in: a known job's status is replaced (unless it would take the
    /// job back in its life: `JobStatus.goesBack`), a new job goes where it belongs among every
    /// server's (`older`: from an older page, after the known jobs of its server and time).
    /// `label`: the server's name, searched by the filter (several servers only). `now`: the
    /// time the duration sort measures running jobs at. Returns the new jobs' slots.
    @discardableResult
    mutating func put(_ statuses: [JobStatus], from context: ContextID, label: String?, older: Bool, now: Date?) -> [Slot] {
        var changes = RowChanges()
        var new: [Slot] = []
        var retimed = false
        if let label { labels[context] = label }
        if query != nil, let now { query?.now = now }
        for job in statuses {
            let stored = store(job, context: context, label: label)
            if stored.isNew { new.append(stored.slot) } else { changes.changed.append(stored.slot) }
            retimed = retimed || stored.retimed
        }
        var rebuild = false
        if retimed {
            order.resort(store: jobs)
            rebuild = true
        }
        if !new.isEmpty {
            switch order.insert(new, older: older, store: jobs) {
            case .prepended(let slots): changes.prepended.append(slots)
            case .appended(let slots): changes.appended += slots
            case .rearranged: rebuild = true
            }
        }
        if rebuild || (sort != .newest && !changes.isEmpty) || !apply(changes) { rebuildRows(now: now) }
        return new
    }

    /// Sorts the rows by `sort` (the selection's job is the caller's to follow). `ranks`: for the
    /// run-history columns, each job's value (jobs without one go last).
    mutating func setSort(_ sort: SortOrder, now: Date?, ranks: [JobKey: Double] = [:]) {
        (self.sort, historyRanks) = (sort, ranks)
        rebuildRows(now: now)
    }

    /// New values of the run-history column sorted by, used from the next change of the rows on.
    mutating func setHistoryRanks(_ ranks: [JobKey: Double]) { historyRanks = ranks }

    /// Shows only the jobs whose name, id, user (or server) contain `text`, case-insensitively.
    mutating func setFilter(_ text: String, now: Date?) {
        let needle = text.lowercased()
        if query != nil {
            (query, self.needle) = (nil, needle)
            rebuildRows(now: now)
            return
        }
        guard needle != self.needle else { return }
        narrow(to: needle, now: now)
        self.needle = needle
    }

    /// Shows only the jobs `query` matches at `now` (`ctx:` is the server's name).
    mutating func setQuery(_ query: JobQuery, now: Date) {
        (self.query, needle) = ((query, now), "")
        rebuildRows(now: now)
    }

    /// Whether the filter shows the job of `slot`.
    func passes(_ slot: Slot) -> Bool {
        guard let (query, now) = query else { return searchText.matches(slot, needle) }
        return query.matches(jobs[slot], context: labels[jobs.context(slot)], now: now)
    }

    /// The jobs of `slots` the filter shows, in their order.
    private func matching(_ slots: [Slot]) -> [Slot] {
        query == nil ? searchText.matching(needle, among: slots) : slots.filter(passes)
    }

    public var count: Int { jobs.count }

    /// `key`'s row among the rows shown, nil when it is not shown.
    func row(of key: JobKey) -> Int? { jobs.slot(of: key).flatMap(rows.position(of:)) }

    /// The part of `id` the list shows (the detail and the dialog show it whole).
    func shortId(_ id: String) -> Substring { idPrefixes.prefix(of: id) }

    /// How many characters the list shows of every id.
    var idPrefixLength: Int { idPrefixes.length }

    /// Stores a server's job, its filter text and its count.
    private mutating func store(_ incoming: JobStatus, context: ContextID, label: String?) -> (slot: Slot, isNew: Bool, retimed: Bool) {
        let key = JobKey(context: context, id: incoming.id)
        // A page asked for before a change that the event stream has since delivered arrives with
        // the job's older state: it must not take the job back.
        let known = jobs[key]
        let job = incoming.applied(to: known, isDelta: false)
        let (slot, previous) = jobs.put(job, key: key)
        if let previous {
            stateCounts[previous.knownState, default: 0] -= 1
            if stateCounts[previous.knownState] == 0 { stateCounts[previous.knownState] = nil }
        } else {
            idWidth = max(idWidth, CleanText(job.id).width)
            let keys = jobs.keys
            idPrefixes.insert(slot) { keys[Int($0)].id }
        }
        stateCounts[job.knownState, default: 0] += 1
        if previous.map({ $0.name != job.name || $0.submittedUserId != job.submittedUserId }) ?? true {
            searchText.set(slot, name: job.name, id: job.id, user: job.submittedUserId, context: label)
        }
        return (slot, previous == nil, previous.map { $0.submitTime != job.submitTime } ?? false)
    }
}

/// What one `put` changed in the merged order.
private struct RowChanges {
    /// New jobs put on top, top first (several batches: each goes above the previous).
    var prepended: [[JobStore.Slot]] = []
    /// New jobs added at the end, in order.
    var appended: [JobStore.Slot] = []
    /// Listed jobs whose status was replaced.
    var changed: [JobStore.Slot] = []

    var isEmpty: Bool { prepended.isEmpty && appended.isEmpty && changed.isEmpty }
}

extension JobIndex {
    /// Applies `changes` in the newest-first order (the rows are the merged order, filtered by
    /// `needle`). False when a changed job joins or leaves the matches: the caller rebuilds.
    private mutating func apply(_ changes: RowChanges) -> Bool {
        guard !changes.isEmpty else { return true }
        widerMatches = []
        for batch in changes.prepended { rows.prepend(matching(batch), store: jobs) }
        rows.append(contentsOf: matching(changes.appended), store: jobs)
        guard !needle.isEmpty || query != nil else { return true }
        return changes.changed.allSatisfy { passes($0) == rows.contains($0) }
    }

    private mutating func rebuildRows(now: Date?) {
        rows.replace(with: sorted(matching(order.slots), now: now), store: jobs)
        widerMatches = []
    }

    /// Sets the rows for a new filter text, from the narrowest kept result that contains it.
    private mutating func narrow(to needle: String, now: Date?) {
        if needle.hasPrefix(self.needle) {
            widerMatches.append((self.needle, rows.slots))
            rows.replace(with: searchText.matching(needle, among: rows.slots), store: jobs)
            return
        }
        while let wider = widerMatches.last, !needle.hasPrefix(wider.needle) { widerMatches.removeLast() }
        if let wider = widerMatches.last, wider.needle == needle {
            widerMatches.removeLast()
            rows.replace(with: wider.slots, store: jobs)
        } else if let wider = widerMatches.last {
            rows.replace(with: searchText.matching(needle, among: wider.slots), store: jobs)
        } else {
            rows.replace(with: sorted(searchText.matching(needle, among: order.slots), now: now), store: jobs)
        }
    }
}
