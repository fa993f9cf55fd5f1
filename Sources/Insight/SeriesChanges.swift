import Foundation

/// A series of one model by its number: cheap to hash and compare (a `SeriesKey` hashes and
/// compares its whole content), for a screen that groups many jobs by series or follows the
/// series that changed. Valid for the model it came from (series are never removed).
public struct SeriesRef: Hashable, Sendable {
    let index: Int32

    init(_ index: Int) { self.index = Int32(index) }
}

/// The series touched since a mark, in the order they were touched (with repeats): a series made,
/// and every status filed into one (a run ended, a job added or gone: its newest name and its
/// coverage may change with each). A note costs O(1) amortised: past `bound` notes the older half
/// is dropped, and a reader whose mark is older than what is kept lists every series again.
struct SeriesJournal: Sendable {
    static let bound = 4096

    private var notes: [Int32] = []
    /// Notes dropped from the front: the mark of `notes[0]`.
    private var dropped = 0

    var mark: Int { dropped + notes.count }

    mutating func note(_ index: Int) {
        if notes.count >= Self.bound {
            let half = notes.count / 2
            notes.removeFirst(half)
            dropped += half
        }
        notes.append(Int32(index))
    }

    /// The notes after `mark`, nil when they are no longer all kept.
    func since(_ mark: Int) -> ArraySlice<Int32>? {
        guard mark >= dropped, mark <= self.mark else { return nil }
        return notes[(mark - dropped)...]
    }
}

extension InsightModel {
    /// The series of a job (nil for a job not seen, or seen without its configuration), by number.
    public func seriesRef(server: String, jobId: String) -> SeriesRef? {
        guard let server = serverIndex[server], let index = jobs[JobRef(server: server, id: jobId)]?.series else { return nil }
        return SeriesRef(index)
    }

    /// The index in `series` of a job's series.
    func seriesIndex(server: String, jobId: String) -> Int? {
        seriesRef(server: server, jobId: jobId).map { Int($0.index) }
    }

    /// Where the journal of touched series stands now: give it to `seriesChanged(since:)` later.
    public var seriesChangeMark: Int { journal.mark }

    /// The series touched since `mark`, each once with its newest name, in the order first touched;
    /// nil when the journal no longer reaches back to `mark` (list every series again). O(changes).
    public func seriesChanged(since mark: Int) -> [SeriesName]? {
        guard let notes = journal.since(mark) else { return nil }
        var seen = Set<Int32>()
        return notes.compactMap { index in seen.insert(index).inserted ? seriesName(at: Int(index)) : nil }
    }

    func seriesName(at index: Int) -> SeriesName {
        let state = series[index]
        return SeriesName(server: serverNames[state.id.server], key: state.id.key, ref: SeriesRef(index),
                          name: state.runs.last?.name ?? state.pending.values.first?.name ?? "")
    }
}
