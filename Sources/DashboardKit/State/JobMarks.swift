/// The jobs the operator marked for a bulk action (Space, `V`; `u` clears them), by (context, job
/// id). They are kept beside the `JobIndex`, not in its rows, so a refresh, a page, a sort or a
/// filter changes what is shown and never what is marked.
public struct JobMarks: Sendable, Equatable {
    public private(set) var keys: Set<JobKey> = []
    /// Where the next `V` range starts: the job marked last.
    private(set) var anchor: JobKey?

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    public func contains(_ key: JobKey) -> Bool { keys.contains(key) }

    /// Marks `key`, or unmarks it when it was marked. Returns whether it is marked now.
    @discardableResult
    mutating func toggle(_ key: JobKey) -> Bool {
        if keys.remove(key) != nil {
            if anchor == key { anchor = nil }
            return false
        }
        keys.insert(key)
        anchor = key
        return true
    }

    /// Marks every job of `range`, the last one becoming the next range's start.
    mutating func mark(_ range: [JobKey]) {
        keys.formUnion(range)
        if let last = range.last { anchor = last }
    }

    /// Forgets the jobs in `done` (a bulk action took them).
    mutating func remove(_ done: some Sequence<JobKey>) {
        keys.subtract(done)
        if let anchor, !keys.contains(anchor) { self.anchor = nil }
    }

    mutating func clear() {
        keys = []
        anchor = nil
    }
}
