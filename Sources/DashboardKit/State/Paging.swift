import ICWSWire

/// Where loading the job list stands. The newest page comes first; older pages follow one at a
/// time as the selection nears the end, until a page that brings no job shows there is nothing
/// older. A short page is not the end: a server may cap its pages below what was asked.
///
/// ```
/// loadingNewest ──page──► idle ◄──page──┐        a page with no job: reachedOldest
///      │  ▲                 └──► loadingOlder ───failure: idle (status line says why)
///  failure│ retry (r, reconnect)
///      ▼  │
///    failed
/// ```
/// A refresh of the newest page once the first one is in does not change the phase; it is a
/// request in flight (`refreshing`), so two never overlap.
///
/// One per server (`ServerState.paging`). It asks for its own pages (`newestPage`, `olderPage`
/// return the effects), knows whether `G` is walking its history, and owns the walk's read-ahead:
/// a full page asked with `readAhead` means the service already fetches the one after it, which
/// `releaseReadAhead` drops when the walk does not ask for it.
public struct Paging: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        /// The first page has been asked for (from the start, since `initialEffects` asks).
        case loadingNewest
        /// The first page could not be loaded; shown in the list area while nothing is listed.
        case failed(Failure)
        /// Pages are in; older ones may follow.
        case idle
        /// The page older than this id is on its way (one at a time).
        case loadingOlder(olderThan: String)
        /// A page came back with no job (or, from a server that ignored `fromJobId`, ending where
        /// it was asked to start): nothing is older.
        case reachedOldest
    }

    public internal(set) var phase: Phase = .loadingNewest
    /// A refresh of the newest page is in flight (after the first page).
    public internal(set) var refreshing = false
    /// The older page in flight was asked for with `readAhead` (the history walk): the service
    /// may already be fetching the page after it.
    public internal(set) var readingAhead = false
    /// `G` is walking this server's history, one large page after another.
    public internal(set) var walkingHistory = false
    /// A full read-ahead page arrived: the service holds the page after it for the next request.
    private var readAheadHeld = false
    /// The last job of the oldest page this server sent: where its next older page starts. The
    /// server's list order, not the merged list's (which is by submission): a server need not
    /// list its jobs in submission order, and a page from any other job overlaps the last one
    /// and misses the page read ahead.
    public private(set) var oldestListed: String?
    /// The history cache holds this server's whole history: nothing older is ever asked for.
    private var wholeHistoryCached = false
    /// The most jobs this server sends in a page, once a page shorter than asked turned out not to
    /// be the end (jobs came after it): a page of that many is not short from then on.
    public private(set) var pageCap: Int?
    /// The length of the last page from the list that was shorter than asked, while it is not
    /// known whether jobs follow it.
    private var shortPage: Int?

    /// The first page arrived (whatever came after).
    public var hasFirstPage: Bool {
        switch phase {
        case .loadingNewest, .failed: false
        case .idle, .loadingOlder, .reachedOldest: true
        }
    }

    /// Why the first page could not be loaded, while that is where paging stands.
    public var firstPageFailure: Failure? {
        if case .failed(let failure) = phase { return failure }
        return nil
    }

    /// A request for the newest page is out.
    public var newestInFlight: Bool { phase == .loadingNewest || refreshing }

    /// `context`'s newest page, unless a request for it is already out.
    mutating func newestPage(_ context: ContextID, count: Int) -> [Effect] {
        guard !newestInFlight else { return [] }
        if hasFirstPage { refreshing = true } else { phase = .loadingNewest }
        return [.loadNewestPage(context: context, count: count)]
    }

    /// The next older page may be asked for.
    var canLoadOlder: Bool { phase == .idle }

    /// `context`'s page of `count` jobs older than the last one it listed, unless a page is in
    /// flight or the oldest is reached; `readAhead` while walking the history.
    mutating func olderPage(_ context: ContextID, count: Int, readAhead: Bool) -> [Effect] {
        guard canLoadOlder, let oldestListed else { return [] }
        phase = .loadingOlder(olderThan: oldestListed)
        readingAhead = readAhead
        if readAhead { readAheadHeld = false }
        return [.loadOlderPage(context: context, olderThan: oldestListed, count: count, readAhead: readAhead)]
    }

    /// `G`: the walk starts (true) or stops (false).
    mutating func walk(_ on: Bool) { walkingHistory = on }

    /// After a page was handled: drops the page the service read ahead when nothing asked for it.
    mutating func releaseReadAhead(_ context: ContextID) -> [Effect] {
        guard readAheadHeld else { return [] }
        readAheadHeld = false
        return [.dropReadAhead(context: context)]
    }

    /// The history cache held the whole history: the oldest job is reached (once the first page is
    /// in), and a page in flight or read ahead is not wanted any more (the read ahead is dropped).
    mutating func restoredWholeHistory(_ context: ContextID) -> [Effect] {
        wholeHistoryCached = true
        guard hasFirstPage else { return [] }
        let held = readingAhead || readAheadHeld
        phase = .reachedOldest
        readingAhead = false
        readAheadHeld = false
        return held ? [.dropReadAhead(context: context)] : []
    }

    /// A page arrived: `endsList` when nothing is older (`Paging.endsList`); `last`, its last job's
    /// id; `count` jobs of `requested`. Returns whether to ask for the next page at once: the page
    /// was shorter than asked (and than the server's `pageCap`) without ending the list, so only
    /// the next page tells whether the server has more (it may cap its pages).
    mutating func loaded(olderThan: String?, endsList: Bool, last: String?, count: Int, requested: Int) -> Bool {
        // A late older page (the walk was stopped or moved on) says nothing about the list.
        if let olderThan, phase != .loadingOlder(olderThan: olderThan) { return false }
        if olderThan != nil || !hasFirstPage {
            if let short = shortPage, count > 0 { pageCap = max(pageCap ?? 0, short) }
            shortPage = !endsList && count < min(requested, pageCap ?? requested) ? count : nil
        }
        place(olderThan: olderThan, endsList: endsList, last: last)
        return shortPage != nil && phase == .idle
    }

    private mutating func place(olderThan: String?, endsList: Bool, last: String?) {
        if let olderThan {
            guard phase == .loadingOlder(olderThan: olderThan) else { return }
            if let last { oldestListed = last }
            phase = endsList ? .reachedOldest : .idle
            readAheadHeld = readingAhead && !endsList
            readingAhead = false
        } else if hasFirstPage {
            refreshing = false
            if oldestListed == nil { oldestListed = last }
        } else {
            oldestListed = last
            phase = endsList || wholeHistoryCached ? .reachedOldest : .idle
        }
    }

    /// Whether a page shows the list has nothing older: it holds no job, or (a server that ignored
    /// `fromJobId`) it ends with the job it was asked to list older than. Not a page shorter than
    /// asked: a server that caps its pages sends short pages all along the list.
    public static func endsList(_ page: [JobStatus], olderThan: String?) -> Bool {
        page.isEmpty || (olderThan != nil && page.last?.id == olderThan)
    }

    mutating func failed(olderThan: String?, _ failure: Failure) {
        // This server's part of a history walk ends (the other servers' goes on).
        walkingHistory = false
        if let olderThan {
            if phase == .loadingOlder(olderThan: olderThan) {
                phase = .idle
                readingAhead = false
            }
        } else if hasFirstPage {
            refreshing = false
        } else {
            phase = .failed(failure)
        }
    }
}
