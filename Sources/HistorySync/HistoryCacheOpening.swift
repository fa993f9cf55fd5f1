import DisplayText
import Foundation
import HistoryCache

extension HistoryCache {
    /// Opens (or creates) the cache at `url` for a reader that can do `without` it (the one way the
    /// CLI, the exporter and the dashboard open theirs): the cache, and one safe line for the
    /// operator when it was rebuilt, or when it cannot be opened (the cache is then nil and the
    /// line ends with `without`, what is done instead).
    public static func open(at url: URL, without: String) -> (cache: HistoryCache?, warning: String?) {
        do {
            let cache = try HistoryCache(at: url)
            return (cache, cache.warning.map(OneLine.safe))
        } catch {
            return (nil, "warning: history cache \(OneLine.safe(url.path)) cannot be used (\(OneLine.safe(String(describing: error)))); \(without)")
        }
    }
}
