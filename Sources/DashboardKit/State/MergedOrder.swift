import Foundation
import ICWSWire

/// Every loaded job of every server in one list, in `ListingOrder` (newest submission first, the
/// order of `jobs list` over several contexts) at every moment: a page from one server goes where
/// its jobs belong among the others'.
///
/// One server's jobs of one submission time keep the server's order through a rank per slot:
/// jobs that arrive on top (a newest page, the feed) rank above every job known, jobs of an
/// older page below. Putting a page on top or at the end costs the page; only a page whose jobs
/// go between known ones (another server's older page) rebuilds the list.
struct MergedOrder: Sendable {
    typealias Slot = JobStore.Slot

    private(set) var list = RowList()
    /// By slot: lower comes first among one server's jobs of one submission time.
    private var ranks: [Int32] = []
    private var topRank: Int32 = 0
    private var bottomRank: Int32 = 0
    /// Each server's last job in the list: the oldest it has loaded.
    private(set) var oldest: [ContextID: Slot] = [:]

    /// Where new jobs went.
    enum Placement: Equatable {
        case prepended([Slot])
        case appended([Slot])
        /// Between known jobs: what is derived from the list must be rebuilt.
        case rearranged
    }

    var slots: [Slot] { list.slots }
    var count: Int { list.count }
    func position(of slot: Slot) -> Int? { list.position(of: slot) }

    /// Puts jobs not listed yet in their places: `older` ones (of an older page) after the known
    /// jobs of their server and time, the others before them.
    mutating func insert(_ new: [Slot], older: Bool, store: JobStore) -> Placement {
        if ranks.count < store.count { ranks.append(contentsOf: repeatElement(0, count: store.count - ranks.count)) }
        if older {
            for slot in new {
                bottomRank += 1
                ranks[Int(slot)] = bottomRank
            }
        } else {
            for (index, slot) in new.enumerated() { ranks[Int(slot)] = topRank - Int32(new.count - index) }
            topRank -= Int32(new.count)
        }
        let placed = new.sorted { precedes($0, $1, store: store) }
        for slot in placed { noteOldest(slot, store: store) }
        guard let first = placed.first, let last = placed.last else { return .appended([]) }
        if list.slots.last.map({ precedes($0, first, store: store) }) ?? true {
            list.append(contentsOf: placed, store: store)
            return .appended(placed)
        }
        if precedes(last, list.slots[0], store: store) {
            list.prepend(placed, store: store)
            return .prepended(placed)
        }
        list.replace(with: merging(placed, store: store), store: store)
        return .rearranged
    }

    /// Sorts the list again: a known job's submission time changed (the server corrected it).
    mutating func resort(store: JobStore) {
        list.replace(with: list.slots.sorted { precedes($0, $1, store: store) }, store: store)
        oldest = [:]
        for slot in list.slots { noteOldest(slot, store: store) }
    }

    /// Whether `a` comes before `b`.
    func precedes(_ a: Slot, _ b: Slot, store: JobStore) -> Bool {
        let (aTime, bTime) = (store.submitTime(a), store.submitTime(b))
        let (aContext, bContext) = (store.context(a).index, store.context(b).index)
        if ListingOrder.precedes(aTime, context: aContext, bTime, context: bContext) { return true }
        if ListingOrder.precedes(bTime, context: bContext, aTime, context: aContext) { return false }
        return ranks[Int(a)] < ranks[Int(b)]
    }

    private mutating func noteOldest(_ slot: Slot, store: JobStore) {
        let context = store.context(slot)
        if oldest[context].map({ precedes($0, slot, store: store) }) ?? true { oldest[context] = slot }
    }

    /// The list with `placed` (in order) merged in.
    private func merging(_ placed: [Slot], store: JobStore) -> [Slot] {
        var merged: [Slot] = []
        merged.reserveCapacity(list.count + placed.count)
        var next = placed.startIndex
        for slot in list.slots {
            while next < placed.endIndex, precedes(placed[next], slot, store: store) {
                merged.append(placed[next])
                next += 1
            }
            merged.append(slot)
        }
        merged.append(contentsOf: placed[next...])
        return merged
    }
}
