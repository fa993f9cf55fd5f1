/// Server or user text shortened and made safe for log lines and error messages, where no
/// front end sanitises it first.
enum VisibleText {
    /// Printable ASCII only (every other character becomes `?`), at most `limit` characters, `…`
    /// when cut.
    static func ascii(_ text: String, limit: Int) -> String {
        let cleaned = text.unicodeScalars.prefix(limit).map { (0x20..<0x7F).contains($0.value) ? Character($0) : "?" }
        return String(cleaned) + (text.unicodeScalars.count > limit ? "…" : "")
    }
}
