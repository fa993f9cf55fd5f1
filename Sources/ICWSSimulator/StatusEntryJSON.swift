import Foundation
import ICWSWire

/// One job of a job list in `status` mode, `{"jobStatus":{…}}`, written field by field: the
/// bytes `ICWSJSON.encode(Job(jobStatus:))` gives (keys sorted, slashes as they are, dates in the
/// basic form), at a fraction of the cost — `JSONEncoder` made the simulator the slowest part of
/// paging through 100,000 jobs. Tests compare the two on plain and hostile jobs.
enum StatusEntryJSON {
    static func encode(_ status: JobStatus) -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(448)
        out.append(contentsOf: #"{"jobStatus":{"#.utf8)
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: #"":"#.utf8)
        }
        func string(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            quoted(value, into: &out)
        }
        func date(_ name: StaticString, _ value: Date?) {
            guard let value else { return }
            key(name)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: ICWSDate.basic(value).utf8)
            out.append(UInt8(ascii: "\""))
        }
        func number(_ name: StaticString, _ value: Int?) {
            guard let value else { return }
            key(name)
            out.append(contentsOf: String(value).utf8)
        }
        // In the encoder's order: keys sorted by their UTF-8 bytes.
        string("cancelUserId", status.cancelUserId)
        date("canceledTime", status.canceledTime)
        string("errorInfo", status.errorInfo)
        date("failedTime", status.failedTime)
        date("finishedTime", status.finishedTime)
        string("id", status.id)
        string("name", status.name)
        string("outputFolder", status.outputFolder)
        date("queuedTime", status.queuedTime)
        date("startedTime", status.startedTime)
        number("state", status.state?.rawValue)
        date("stateChangedTime", status.stateChangedTime)
        date("submitTime", status.submitTime)
        string("submittedUserId", status.submittedUserId)
        number("submittedUserSiteId", status.submittedUserSiteId)
        out.append(contentsOf: "}}".utf8)
        return Data(out)
    }

    /// A JSON string as `JSONEncoder` writes it: quote, backslash and control characters escaped
    /// (the usual short forms, `\u00xx` for the rest), everything else as its UTF-8 bytes.
    private static func quoted(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0x00...0x1F:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
