import Foundation

/// Which `icws_` cookie a login answer's `Set-Cookie` headers give the session.
enum SessionCookie {
    /// The `icws_` cookie as `name=value` without attributes. A later cookie of the same name
    /// replaces an earlier one (RFC 6265 §5.3); the one named for this session (`icws_<sessionId>`)
    /// wins over other `icws_` cookies. Nil when there is none.
    static func pick(from setCookieValues: [String], sessionId: String) -> String? {
        var latest: [String: String] = [:]
        var order: [String] = []
        for header in setCookieValues {
            let pair = header.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard pair.hasPrefix("icws_"), let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals])
            if latest.updateValue(pair, forKey: name) == nil { order.append(name) }
        }
        return latest["icws_\(sessionId)"] ?? order.last.flatMap { latest[$0] }
    }
}
