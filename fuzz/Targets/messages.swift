import Foundation
@testable import ICWSClientPieces
import ICWSWire

/// Job-status messages, single messages and message arrays (`messaging/messages`) through the
/// client's tolerant message decoding: never a trap; what decodes re-encodes; an unreadable
/// payload is reported, not thrown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessages(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(fuzzData(start, count))
    let outcome = MessageDecoding.decode(data)
    for message in outcome.messages {
        require((try? ICWSJSON.encode(message)) != nil, "a decoded message does not encode")
    }
    _ = try? ICWSJSON.decode(JobStatusMessage.self, from: data)
    _ = try? ICWSJSON.decode(ConnectionStateChangeMessage.self, from: data)
    return 0
}
