import Foundation
import GRDB
import Synchronization

/// The cached jobs, newest first, handed out a slice at a time (`HistoryCache.slices`): each slice
/// is one short read, a cursor over the rows below the last slice's, so the whole history is never
/// decoded at once and a write can go in between two slices. The configuration shapes are decoded
/// once, at the first slice, and shared by every slice's jobs (as are repeated texts).
///
/// A job filed between two slices lies above the slices read (a newer page) or below them (an
/// older page): a slice never hands a job twice. One caller at a time.
public final class CachedJobSlices: Sendable {
    private struct Position: Sendable {
        var reader: CachedJobRows.Reader?
        /// The last job handed out: the next slice starts below it.
        var last: (ordinal: Int64, id: String)?
        var done = false
    }

    private let queue: DatabaseQueue
    private let size: Int
    private let position = Mutex(Position())

    init(queue: DatabaseQueue, size: Int) {
        self.queue = queue
        self.size = max(1, size)
    }

    /// The next slice of at most `size` jobs, newest first; nil once every job was handed out.
    /// Blocks for as long as SQLite takes: call it off the cooperative threads (`HistoryCache.offPool`).
    public func next() throws -> [CachedJob]? {
        try position.withLock { position in
            guard !position.done else { return nil }
            let jobs: [CachedJob] = try queue.read { db in
                if position.reader == nil { position.reader = try CachedJobRows.Reader(db) }
                var slice: [CachedJob] = []
                slice.reserveCapacity(size)
                let rows: RowCursor
                if let last = position.last {
                    rows = try Row.fetchCursor(db, sql: CachedJobRows.selectSlice(from: true), arguments: [last.ordinal])
                } else {
                    rows = try Row.fetchCursor(db, sql: CachedJobRows.selectSlice(from: false))
                }
                while slice.count < size, let row = try rows.next() {
                    let ordinal: Int64 = row[CachedJobRows.ordinalColumn]
                    // Jobs of the last job's ordinal (a tie) up to and including it were handed out.
                    if let last = position.last, ordinal == last.ordinal, (row[0] as String) >= last.id { continue }
                    slice.append(position.reader!.job(row))
                    position.last = (ordinal, row[0])
                }
                return slice
            }
            if jobs.count < size {
                // The last slice: what the reading kept (shapes, texts, SQLite's page cache) is freed.
                position.done = true
                position.reader = nil
                queue.releaseMemory()
            }
            return jobs.isEmpty ? nil : jobs
        }
    }
}

extension HistoryCache {
    /// Every cached job, newest first, in slices of `size` (see `CachedJobSlices`).
    public func slices(of size: Int) -> CachedJobSlices {
        CachedJobSlices(queue: queue, size: size)
    }
}
