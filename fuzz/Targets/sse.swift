@testable import ICWSClientPieces

/// The server-sent event parser fed the input in pieces (sizes from the first byte): it never
/// traps, and an over-long line or event ends in its own error, never in unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSSE(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = fuzzData(start, count)
    guard let first = bytes.first else { return 0 }
    let limit = 64 + Int(first) * 4
    var parser = SSEParser(maximumEventSize: limit)
    let chunk = max(1, Int(first % 17))
    var index = 1
    do {
        while index < bytes.count {
            let end = min(bytes.count, index + chunk)
            for event in try parser.feed(bytes[index..<end]) {
                // Each byte gives at most one scalar (U+FFFD for invalid UTF-8), plus a newline per data line.
                require(event.data.unicodeScalars.count <= 2 * limit, "event of \(event.data.unicodeScalars.count) scalars over \(limit) bytes")
            }
            index = end
        }
    } catch is SSEParser.Overflow {
    } catch {
        require(false, "unexpected error \(error)")
    }
    return 0
}
