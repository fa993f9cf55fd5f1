import Foundation
import ICWSWire

/// One job of a job list, `{"jobConfig":{…},"jobStatus":{…}}` with the parts its
/// `jobsResponseMode` asks for, written field by field: the bytes `ICWSJSON.encode(Job(…))` gives
/// (keys sorted, slashes as they are, dates in the basic form), at a fraction of the cost —
/// `JSONEncoder` made the simulator the slowest part of paging through 100,000 jobs, and with
/// configurations 89 % of the simulator's time. Tests compare the two on plain and hostile jobs.
enum JobEntryJSON {
    /// `{"jobStatus":{…}}`: a `status` mode entry, and the tail of an `all` mode one.
    static func status(_ status: JobStatus) -> Data {
        var writer = Writer()
        writer.object { $0.object("jobStatus") { $0.status(status) } }
        return Data(writer.out)
    }

    /// The entry for `mode`; `statusEntry` is the job's `status(_:)`, kept by the store.
    static func entry(config: JobConfig, statusEntry: Data, mode: JobsResponseMode) -> Data {
        if mode == .status { return statusEntry }
        var writer = Writer()
        writer.out.reserveCapacity(2_048)
        writer.out.append(UInt8(ascii: "{"))
        writer.object("jobConfig") { $0.config(config) }
        if mode == .configuration {
            writer.out.append(UInt8(ascii: "}"))
        } else {
            writer.out.append(UInt8(ascii: ","))
            writer.out.append(contentsOf: statusEntry.dropFirst())
        }
        return Data(writer.out)
    }

    /// JSON written as the encoder writes it; each member's key in sorted order is the caller's part.
    fileprivate struct Writer {
        var out: [UInt8] = []
        private var first = true

        mutating func object(_ name: StaticString? = nil, _ members: (inout Writer) -> Void) {
            if let name { key(name) }
            out.append(UInt8(ascii: "{"))
            first = true
            members(&self)
            out.append(UInt8(ascii: "}"))
            first = false
        }

        mutating func array<Item>(_ name: StaticString, _ items: [Item], _ each: (inout Writer, Item) -> Void) {
            key(name)
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                each(&self, item)
            }
            out.append(UInt8(ascii: "]"))
            first = false
        }

        mutating func string(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            quoted(value)
        }

        mutating func date(_ name: StaticString, _ value: Date?) {
            guard let value else { return }
            key(name)
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: ICWSDate.basic(value).utf8)
            out.append(UInt8(ascii: "\""))
        }

        mutating func number(_ name: StaticString, _ value: Int?) {
            guard let value else { return }
            key(name)
            out.append(contentsOf: String(value).utf8)
        }

        private mutating func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: #"":"#.utf8)
        }

        /// A JSON string as `JSONEncoder` writes it: quote, backslash and control characters escaped
        /// (the usual short forms, `\u00xx` for the rest), everything else as its UTF-8 bytes.
        private mutating func quoted(_ text: String) {
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
                    out.append(Self.hexDigits[Int(byte >> 4)])
                    out.append(Self.hexDigits[Int(byte & 0x0F)])
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }

        private static let hexDigits = Array("0123456789abcdef".utf8)
    }
}

// In the encoder's order: keys sorted by their UTF-8 bytes.
private extension JobEntryJSON.Writer {
    mutating func status(_ status: JobStatus) {
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
    }

    mutating func config(_ config: JobConfig) {
        date("endTimeFilter", config.endTimeFilter)
        string("id", config.id)
        string("name", config.name)
        if let sites = config.siteIdFilters {
            array("siteIdFilters", sites) { writer, site in writer.object { $0.string("name", site.name) } }
        }
        date("startTimeFilter", config.startTimeFilter)
        string("submittedUserId", config.submittedUserId)
        if let tables = config.tables {
            object("tables") { $0.array("tableList", tables.tableList) { $0.dataSet($1) } }
        }
        if let views = config.views {
            object("views") { $0.array("viewList", views.viewList) { $0.dataSet($1) } }
        }
    }

    mutating func dataSet(_ dataSet: DataSetConfig) {
        object {
            $0.array("column", dataSet.column) { writer, column in writer.object { $0.string("name", column.name) } }
            $0.string("dateTimeFilterColumn", dataSet.dateTimeFilterColumn)
            $0.string("name", dataSet.name)
            $0.string("siteIdFilterColumn", dataSet.siteIdFilterColumn)
        }
    }
}
