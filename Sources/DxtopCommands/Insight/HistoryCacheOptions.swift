import ArgumentParser
import Foundation
import HistoryCache
import HistorySync

/// `--no-cache` of the dashboard, the exporter and the insight commands (one option group: the
/// root command's and a subcommand's own flag of one name would take each other's value), and
/// opening each context's history cache.
struct HistoryCacheOptions: ParsableArguments {
    @Flag(name: .long, help: "Neither read nor write the history cache: read the history from the server.")
    var noCache = false

    /// The cache of `context` (nil with --no-cache). A cache that cannot be opened is left out with
    /// a one-line warning: the history is then read from the server, as with --no-cache.
    func open(for context: ResolvedContext) -> HistoryCache? {
        noCache ? nil : HistoryCacheFile.open(for: context, without: "reading the whole history from the server")
    }
}

/// The cache file of a context: one per server and user.
enum HistoryCacheFile {
    static func url(for context: ResolvedContext) -> URL {
        CacheFiles.database(server: context.server.description, user: context.userID, in: CacheFiles.folder())
    }

    /// Opens the cache of `context` (a corrupt one rebuilt, said in one line); one that cannot be
    /// opened is one line naming the file and the reason, ending with what is done `without` it.
    static func open(for context: ResolvedContext, without: String) -> HistoryCache? {
        let (cache, warning) = HistoryCache.open(at: url(for: context), without: without)
        if let warning { StandardStreams.note(warning) }
        return cache
    }
}
