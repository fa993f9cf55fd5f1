import ArgumentParser
import JobQuery

/// Options that hold filter text (`--filter`, and `--state`, `--older-than`, `--failed-since`
/// written as filter terms) as one `JobQuery`.
enum FilterOption {
    /// Parses each option's text and joins them (every term must hold); the first that does not
    /// parse is a usage error (status 2) naming its option, with the parser's one line.
    static func query(_ parts: [(option: String, text: String?)]) throws -> JobQuery {
        var query = JobQuery()
        for (option, text) in parts {
            guard let text else { continue }
            do {
                query = query.and(try JobQuery(parsing: text))
            } catch {
                let message = error.message
                throw ValidationError("\(option): " + (message.hasPrefix("filter: ") ? String(message.dropFirst(8)) : message))
            }
        }
        return query
    }
}
