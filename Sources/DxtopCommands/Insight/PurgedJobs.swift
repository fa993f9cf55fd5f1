import DisplayText
import Foundation
import HistoryCache

/// A job the server no longer lists (its history purged) stays in the history cache, marked, and
/// is never acted on (docs/insight.md, "History cache"): `jobs cancel` and `jobs resubmit` refuse
/// it in one line, before any request, instead of the server's "not found".
enum PurgedJobs {
    /// Throws when every cached job `typed` (an id or a start of one) stands for is purged. Without
    /// a cache file, or a typed id the cache does not know, nothing is said (the server decides).
    static func refuse(_ typed: String, context: ResolvedContext, action: String) throws {
        let url = HistoryCacheFile.url(for: context)
        guard FileManager.default.fileExists(atPath: url.path),
              let marks = try? HistoryCache(at: url).purgedMarks(idPrefix: typed.trimmingCharacters(in: .whitespaces)),
              !marks.isEmpty, marks.values.allSatisfy({ $0 }) else { return }
        let ids = marks.keys.sorted().map(TerminalSafe.clean).joined(separator: ", ")
        throw CLIError.failure("job \(ids) was purged: the server no longer lists it (dxtop's history keeps it, marked purged), so it cannot be \(action)")
    }
}
