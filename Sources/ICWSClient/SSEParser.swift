/// One dispatched server-sent event.
struct SSEEvent: Sendable, Equatable {
    /// `event:` field; "message" when absent.
    var type: String
    /// The `data:` lines joined with "\n".
    var data: String
}

/// An incremental `text/event-stream` parser (WHATWG rules): bytes in, whole events out.
///
/// Chunks may split anywhere (inside a CRLF, inside a UTF-8 sequence): lines are decoded only once
/// complete. Comment lines (`:ping`) are counted, not dispatched. `id:` is ignored: dxtop sends no
/// `Last-Event-ID` (docs/icws-choices.md §14). A line, or the data of one event,
/// longer than `maximumEventSize` bytes throws `SSEParser.Overflow` (the stream is then useless:
/// the caller reconnects) instead of growing without bound.
struct SSEParser: Sendable {
    /// A line or an event grew past the limit.
    struct Overflow: Error, CustomStringConvertible {
        let limit: Int
        var description: String { "an event on the stream exceeded \(limit / (1024 * 1024)) MiB" }
    }

    /// 16 MiB: far above any job-status message, small enough to stop a runaway stream.
    static let defaultMaximumEventSize = 16 * 1024 * 1024

    let maximumEventSize: Int
    private var line: [UInt8] = []
    /// Bytes of the `data:` lines of the event being read.
    private var dataSize = 0
    private var afterCR = false
    private var atStreamStart = true
    private var dataLines: [String] = []
    private var hasData = false
    private var eventType = ""
    /// The reconnection delay the server asked for with `retry:`.
    private(set) var retryMilliseconds: Int?
    /// Comment lines seen so far (pings).
    private(set) var commentCount = 0

    init(maximumEventSize: Int = SSEParser.defaultMaximumEventSize) {
        self.maximumEventSize = maximumEventSize
    }

    /// Feeds a chunk; returns the events it completed. Throws `Overflow` past the size limit.
    mutating func feed(_ bytes: some Sequence<UInt8>) throws -> [SSEEvent] {
        var events: [SSEEvent] = []
        for byte in bytes {
            if afterCR {
                afterCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\r"):
                afterCR = true
                if let event = endLine() { events.append(event) }
            case UInt8(ascii: "\n"):
                if let event = endLine() { events.append(event) }
            default:
                guard dataSize + line.count < maximumEventSize else { throw Overflow(limit: maximumEventSize) }
                line.append(byte)
            }
        }
        return events
    }

    private mutating func endLine() -> SSEEvent? {
        var bytes = line
        line.removeAll(keepingCapacity: true)
        if atStreamStart {
            atStreamStart = false
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        }
        guard !bytes.isEmpty else { return dispatch() }
        if bytes.first == UInt8(ascii: ":") {
            commentCount += 1
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
        } else {
            field = Substring(text)
            value = ""
        }
        switch field {
        case "data":
            dataLines.append(String(value))
            dataSize += value.utf8.count + 1
            hasData = true
        case "event":
            eventType = String(value)
        case "retry":
            if !value.isEmpty, value.allSatisfy(\.isASCIIDigit), let milliseconds = Int(value) { retryMilliseconds = milliseconds }
        default:
            break
        }
        return nil
    }

    private mutating func dispatch() -> SSEEvent? {
        defer {
            dataLines.removeAll()
            dataSize = 0
            hasData = false
            eventType = ""
        }
        guard hasData else { return nil }
        return SSEEvent(type: eventType.isEmpty ? "message" : eventType, data: dataLines.joined(separator: "\n"))
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
