import Synchronization

/// How many times the model did a costly thing (walked every series, computed a coverage). A count,
/// not a time: the tests read it to show that one status change costs no walk (issue 17: a change
/// is O(1) amortised), and that a screen computes only what it shows.
public final class ScanCounter: Sendable {
    private let count = Mutex(0)

    public init() {}

    public var value: Int { count.withLock { $0 } }

    func add() { count.withLock { $0 += 1 } }
}
