import Synchronization

/// How an event stream writes its frames under a `ServerProfile`: the keep-alive comment, the line
/// ending, how many `data:` lines a message takes, and where a frame is cut into separate writes.
struct EventStreamFraming: Sendable {
    let profile: ServerProfile

    /// `:ping` (or the profile's comment) and a blank line.
    var ping: [UInt8] { Array(":\(profile.comment)\(profile.lineEnding)\(profile.lineEnding)".utf8) }

    /// One event: the message's JSON on one or more `data:` lines (cut only between JSON tokens, so
    /// the lines joined with "\n" are the same JSON), then a blank line.
    func data(_ json: some Collection<UInt8>) -> [UInt8] {
        let ending = Array(profile.lineEnding.utf8)
        var frame: [UInt8] = []
        for line in Self.split(Array(json), into: profile.dataLinesPerMessage) {
            frame += Array("data: ".utf8) + line + ending
        }
        return frame + ending
    }

    /// The writes a frame goes out in: whole, or (`cutWrites`) cut after its second byte, in its
    /// middle and before its last byte (inside a CRLF when lines end so).
    func writes(_ frame: [UInt8]) -> [ArraySlice<UInt8>] {
        guard profile.cutWrites, frame.count >= 4 else { return [frame[...]] }
        let cuts = [0, 2, frame.count / 2, frame.count - 1, frame.count]
        return zip(cuts, cuts.dropFirst()).map { frame[$0..<$1] }
    }

    /// `json` in at most `parts` pieces, each cut just after a comma outside any string.
    static func split(_ json: [UInt8], into parts: Int) -> [[UInt8]] {
        guard parts > 1 else { return [json] }
        var commas: [Int] = []
        var inString = false, escaped = false
        for (index, byte) in json.enumerated() {
            if escaped { escaped = false; continue }
            switch byte {
            case UInt8(ascii: "\\") where inString: escaped = true
            case UInt8(ascii: "\""): inString.toggle()
            case UInt8(ascii: ","): if !inString { commas.append(index + 1) }
            default: break
            }
        }
        guard !commas.isEmpty else { return [json] }
        let step = max(1, commas.count / parts)
        let cuts = [0] + stride(from: step - 1, to: commas.count, by: step).prefix(parts - 1).map { commas[$0] } + [json.count]
        return zip(cuts, cuts.dropFirst()).map { Array(json[$0..<$1]) }
    }
}

/// When a stream last wrote, for the idle-closing proxy of `ServerProfile.idleStreamLimit`.
final class LastWrite: Sendable {
    private let value = Mutex(ContinuousClock.now)

    var instant: ContinuousClock.Instant { value.withLock { $0 } }
    func now() { value.withLock { $0 = .now } }
}
