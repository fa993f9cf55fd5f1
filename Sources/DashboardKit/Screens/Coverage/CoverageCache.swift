import Insight
import Synchronization

/// The coverage of each row drawn or selected, computed the first time it is asked for and kept
/// while the run history stays at the version the rows were read at: opening the coverage screen
/// and each key cost the rows on screen, not a coverage per series (with random jobs nearly every
/// job is a series of its own). A cache, not state: screens compare equal whatever it holds.
final class CoverageCache: Sendable, Equatable {
    private struct Entry: Hashable {
        let context: ContextID
        let key: SeriesKey

        /// The key's short id, not its whole content: a frame looks up every row it draws.
        func hash(into hasher: inout Hasher) {
            hasher.combine(context)
            hasher.combine(key.id)
        }
    }

    private let store = Mutex<(version: Int, coverages: [Entry: Coverage?])>((-1, [:]))

    /// The row's coverage at `version`, from `compute` the first time.
    func coverage(of row: CoverageRow, version: Int, compute: () -> Coverage?) -> Coverage? {
        let entry = Entry(context: row.context, key: row.key)
        if let kept = store.withLock({ $0.version == version ? $0.coverages[entry] : nil }) { return kept }
        let coverage = compute()
        store.withLock { store in
            if store.version != version { store = (version, [:]) }
            store.coverages[entry] = coverage
        }
        return coverage
    }

    static func == (lhs: CoverageCache, rhs: CoverageCache) -> Bool { true }
}
