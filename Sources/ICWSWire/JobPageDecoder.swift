import Foundation

/// A page of jobs (`{"jobList":[{"jobStatus":{…},"jobConfig":{…}},…]}`) read straight from its
/// bytes into `JobList`: the fast path of `ICWSJSON.decodeJobList`. A history walk reads a hundred
/// pages of a thousand jobs with their configurations, and `JSONDecoder` spent most of its CPU on
/// them (docs/performance.md, "Job pages").
///
/// A fast path only: it gives the page exactly as `ICWSJSON.decodeReportingWarnings(JobList.self,
/// from:)` decodes it when that decode would give no warning, and nil for anything else (a wrong
/// type on a known field, a bad date, a job without an id, a known key twice, invalid UTF-8,
/// malformed JSON, anything `JSONByteReader` declines), so that the Codable path decodes it and
/// says what it left out. The rules it follows are those of the models' `init(from:)`
/// (JobModels.swift): a `null` counts as absent, a status's `id` may be a bare integer, `state`
/// keeps numbers it does not know, `tables`/`views` need their list, a data set its name.
public enum JobPageDecoder {
    public static func jobList(from data: Data) -> JobList? {
        data.withUnsafeBytes { bytes in
            var reader = JSONByteReader(bytes)
            return try? reader.jobList()
        }
    }
}

extension ICWSJSON {
    /// A page of jobs: `JobPageDecoder`'s, or, when it declines, `decodeReportingWarnings`'s with
    /// its warnings. The one entry point for `jobs` bodies.
    public static func decodeJobList(from data: Data) throws -> (value: JobList, warnings: [String]) {
        if let list = JobPageDecoder.jobList(from: data) { return (list, []) }
        return try decodeReportingWarnings(JobList.self, from: data)
    }
}

/// A data set list `JobPageDecoder` read: where its bytes are in the body, under which key.
struct DataSetListRead {
    let listKey: UnsafePointer<UInt8>
    let range: Range<Int>
    let sets: [DataSetConfig]
}

extension JSONByteReader {
    private static let pageKeys: [StaticString] = ["jobList"]
    private static let jobKeys: [StaticString] = ["jobStatus", "jobConfig"]
    private static let statusKeys: [StaticString] = [
        "id", "name", "submittedUserId", "submittedUserSiteId", "state", "submitTime", "queuedTime", "startedTime",
        "finishedTime", "failedTime", "canceledTime", "stateChangedTime", "cancelUserId", "outputFolder", "errorInfo",
    ]
    private static let configKeys: [StaticString] = [
        "id", "name", "submittedUserId", "tables", "views", "startTimeFilter", "endTimeFilter", "siteIdFilters",
    ]
    private static let tableListKeys: [StaticString] = ["tableList"]
    private static let viewListKeys: [StaticString] = ["viewList"]
    private static let dataSetKeys: [StaticString] = ["name", "dateTimeFilterColumn", "siteIdFilterColumn", "column"]
    private static let nameKeys: [StaticString] = ["name"]

    /// The whole body: one object with `jobList`, nothing after it.
    mutating func jobList() throws(Declined) -> JobList {
        try expect(UInt8(ascii: "{"))
        var cursor = ObjectCursor()
        var jobs: [Job]?
        while let key = try member(Self.pageKeys, &cursor) {
            if key == 0 {
                jobs = try array { reader throws(Declined) in try reader.job() }
            } else {
                try skipValue()
            }
        }
        try expectEnd()
        guard let jobs else { throw Declined() }
        return JobList(jobs)
    }

    private mutating func job() throws(Declined) -> Job {
        try expect(UInt8(ascii: "{"))
        var cursor = ObjectCursor()
        var job = Job()
        while let key = try member(Self.jobKeys, &cursor) {
            switch key {
            case 0: job.jobStatus = try skipNull() ? nil : status()
            case 1: job.jobConfig = try skipNull() ? nil : config()
            default: try skipValue()
            }
        }
        return job
    }

    private mutating func status() throws(Declined) -> JobStatus {
        try expect(UInt8(ascii: "{"))
        var cursor = ObjectCursor()
        var status = JobStatus(id: "", name: "", submittedUserId: "")
        var hasId = false
        while let key = try member(Self.statusKeys, &cursor) {
            switch key {
            case 0:
                if peek() == UInt8(ascii: "\"") {
                    status.id = try string()
                } else {
                    guard let number = try optionalInteger() else { throw Declined() }
                    status.id = String(number)
                }
                hasId = true
            case 1: status.name = try optionalString() ?? ""
            case 2: status.submittedUserId = try optionalString() ?? ""
            case 3: status.submittedUserSiteId = try optionalInteger().map { Int($0) }
            case 4: status.state = try optionalInteger().map { JobState(rawValue: Int($0)) }
            case 5: status.submitTime = try optionalDate()
            case 6: status.queuedTime = try optionalDate()
            case 7: status.startedTime = try optionalDate()
            case 8: status.finishedTime = try optionalDate()
            case 9: status.failedTime = try optionalDate()
            case 10: status.canceledTime = try optionalDate()
            case 11: status.stateChangedTime = try optionalDate()
            case 12: status.cancelUserId = try optionalString()
            case 13: status.outputFolder = try optionalString()
            case 14: status.errorInfo = try optionalString()
            default: try skipValue()
            }
        }
        guard hasId else { throw Declined() }
        return status
    }

    private mutating func config() throws(Declined) -> JobConfig {
        try expect(UInt8(ascii: "{"))
        var cursor = ObjectCursor()
        var config = JobConfig(name: "", submittedUserId: "")
        while let key = try member(Self.configKeys, &cursor) {
            switch key {
            case 0: config.id = try optionalString()
            case 1: config.name = try optionalString() ?? ""
            case 2: config.submittedUserId = try optionalString() ?? ""
            case 3: config.tables = try skipNull() ? nil : TableList(sharedDataSets(listedUnder: Self.tableListKeys))
            case 4: config.views = try skipNull() ? nil : ViewList(sharedDataSets(listedUnder: Self.viewListKeys))
            case 5: config.startTimeFilter = try optionalDate()
            case 6: config.endTimeFilter = try optionalDate()
            case 7:
                config.siteIdFilters = try skipNull() ? nil : array { reader throws(Declined) in
                    SiteIdFilter(name: try reader.named())
                }
            default: try skipValue()
            }
        }
        return config
    }

    /// `dataSets(listedUnder:)`, read once for every value of the same bytes in the body: the jobs
    /// of a series extract the same tables, and share one array of them instead of each decoding
    /// (and keeping) its own. Bytes equal to a value read before decode to that value.
    private mutating func sharedDataSets(listedUnder listKey: [StaticString]) throws(Declined) -> [DataSetConfig] {
        _ = peek()
        let start = index
        try skipValue()
        let value = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(start: listKey[0].utf8Start, count: listKey[0].utf8CodeUnitCount))
        hasher.combine(bytes: value)
        let key = hasher.finalize()
        let bytes = bytes
        if let read = dataSetLists[key]?.first(where: { read in
            read.listKey == listKey[0].utf8Start && read.range.count == value.count
                && memcmp(bytes.baseAddress! + read.range.lowerBound, value.baseAddress!, value.count) == 0
        }) {
            return read.sets
        }
        let end = index
        index = start
        let sets = try dataSets(listedUnder: listKey)
        assert(index == end)
        dataSetLists[key, default: []].append(DataSetListRead(listKey: listKey[0].utf8Start, range: start..<end, sets: sets))
        return sets
    }

    /// `{"tableList":[…]}` or `{"viewList":[…]}`: the list is required.
    private mutating func dataSets(listedUnder listKey: [StaticString]) throws(Declined) -> [DataSetConfig] {
        try expect(UInt8(ascii: "{"))
        var cursor = ObjectCursor()
        var sets: [DataSetConfig]?
        while let key = try member(listKey, &cursor) {
            if key == 0 {
                sets = try array { reader throws(Declined) in try reader.dataSet() }
            } else {
                try skipValue()
            }
        }
        guard let sets else { throw Declined() }
        return sets
    }

    private mutating func dataSet() throws(Declined) -> DataSetConfig {
        try expect(UInt8(ascii: "{"))
        var cursor = ObjectCursor()
        var name: String?
        var set = DataSetConfig(name: "", column: [])
        while let key = try member(Self.dataSetKeys, &cursor) {
            switch key {
            case 0: name = try string()
            case 1: set.dateTimeFilterColumn = try optionalString()
            case 2: set.siteIdFilterColumn = try optionalString()
            case 3:
                set.column = try skipNull() ? [] : array { reader throws(Declined) in
                    ColumnRef(name: try reader.named())
                }
            default: try skipValue()
            }
        }
        guard let name else { throw Declined() }
        set.name = name
        return set
    }

    /// `{"name":"…"}` (a column, a site filter): the name is required.
    private mutating func named() throws(Declined) -> String {
        try expect(UInt8(ascii: "{"))
        var cursor = ObjectCursor()
        var name: String?
        while let key = try member(Self.nameKeys, &cursor) {
            if key == 0 { name = try string() } else { try skipValue() }
        }
        guard let name else { throw Declined() }
        return name
    }

    private mutating func array<T>(_ read: (inout JSONByteReader) throws(Declined) -> T) throws(Declined) -> [T] {
        try expect(UInt8(ascii: "["))
        var items: [T] = []
        var started = false
        while try element(&started) { items.append(try read(&self)) }
        return items
    }

    /// A date as `ICWSJSON.decoder()` reads one (`ICWSDate.parse`), nil for `null`.
    private mutating func optionalDate() throws(Declined) -> Date? {
        if try skipNull() { return nil }
        try expect(UInt8(ascii: "\""))
        guard let date = try withStringBytes({ ICWSDate.parse(utf8: $0) }) else { throw Declined() }
        return date
    }
}
