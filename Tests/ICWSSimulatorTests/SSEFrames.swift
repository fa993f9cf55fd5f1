/// The lines of a `text/event-stream` text, grouped the way the SSE spec groups them: field names
/// seen, comments, and the joined `data:` payload of each event.
struct SSEFrames {
    private(set) var fieldNames: Set<String> = []
    private(set) var comments: [String] = []
    private(set) var dataPayloads: [String] = []

    init(_ text: String) {
        var data: [Substring] = []
        // "\r\n" is one Character, so this splits LF, CRLF and CR line endings alike.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            guard !line.isEmpty else {
                if !data.isEmpty { dataPayloads.append(data.joined(separator: "\n")) }
                data = []
                continue
            }
            if line.first == ":" {
                comments.append(String(line.dropFirst()))
                continue
            }
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            let name = String(line[..<colon])
            fieldNames.insert(name)
            if name == "data" {
                let value = colon == line.endIndex ? line[colon...] : line[line.index(after: colon)...]
                data.append(value.first == " " ? value.dropFirst() : value)
            }
        }
    }
}
