import Foundation
import ICWSWire
import Testing

/// One malformed job must not blank the list: the good jobs are kept, the bad one is shown as far
/// as it decodes, and each problem is a warning.
@Suite("Lenient decoding")
struct LenientDecodingTests {
    private func page(_ middle: String) -> Data {
        Data(#"{"jobList":[{"jobStatus":{"id":"a","name":"good","state":3}},{"jobStatus":\#(middle)},{"jobStatus":{"id":"c","name":"also good"}}]}"#.utf8)
    }

    @Test(arguments: [
        (#"{"id":"b","name":"odd","submitTime":"yesterday"}"#, "submitTime"),
        (#"{"id":"b","name":"odd","submittedUserSiteId":"one"}"#, "submittedUserSiteId"),
        (#"{"id":"b","name":"odd","state":"2"}"#, "state"),
        (#"{"id":"b","name":"odd","errorInfo":{"x":1}}"#, "errorInfo"),
    ])
    func aBadFieldKeepsTheJobAndEveryOther(status: String, field: String) throws {
        let (list, warnings) = try ICWSJSON.decodeReportingWarnings(JobList.self, from: page(status))
        #expect(list.jobList.map(\.id) == ["a", "b", "c"])
        #expect(list.jobList[1].jobStatus?.name == "odd")
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("job b: ignored '\(field)'") == true, "\(warnings)")
        #expect(warnings.allSatisfy { !$0.contains("\n") })
    }

    @Test func aJobWithoutAnIdIsSkippedAndNamed() throws {
        let (list, warnings) = try ICWSJSON.decodeReportingWarnings(JobList.self, from: page(#"{"name":"no id"}"#))
        #expect(list.jobList.map(\.id) == ["a", "c"])
        #expect(warnings == ["skipped jobList.[1] (missing field 'id' at jobList.[1].jobStatus)"])
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        var data = page(#"{"id":"b","name":"caf\#u{FFFD}"}"#)
        // Put a lone continuation byte and a truncated sequence where the replacement character was.
        let marker = Data("\u{FFFD}".utf8)
        let range = try #require(data.range(of: marker))
        data.replaceSubrange(range, with: [0x80, 0xE2, 0x82])
        let (list, warnings) = try ICWSJSON.decodeReportingWarnings(JobList.self, from: data)
        #expect(list.jobList.count == 3)
        #expect(list.jobList[1].jobStatus?.name.hasPrefix("caf\u{FFFD}") == true)
        #expect(warnings.contains { $0.contains("invalid UTF-8") })
    }

    @Test func aNumericIdIsTakenAsItsDigits() throws {
        let status = try ICWSJSON.decode(JobStatus.self, from: Data(#"{"id":1042,"name":"n"}"#.utf8))
        #expect(status.id == "1042")
    }

    @Test func aBadConfigurationKeepsTheStatus() throws {
        let data = Data(#"{"jobStatus":{"id":"b","name":"n"},"jobConfig":{"id":"b","tables":7}}"#.utf8)
        let (job, warnings) = try ICWSJSON.decodeReportingWarnings(Job.self, from: data)
        #expect(job.jobStatus?.name == "n")
        #expect(job.jobConfig?.tables == nil)
        #expect(warnings.count == 1)
    }

    @Test func aStatusMessageKeepsItsGoodStatuses() throws {
        let data = Data(#"""
        {"__type":"urn:inin.com:dataExtractor:jobStatusMessage","isDelta":true,"jobStatusList":[
          {"id":"a","state":2},{"state":3},{"id":"c","stateChangedTime":"never"}]}
        """#.utf8)
        let (message, warnings) = try ICWSJSON.decodeReportingWarnings(ICWSMessage.self, from: data)
        guard case .jobStatus(let statuses) = message else { Issue.record("not a job status message"); return }
        #expect(statuses.jobStatusList.map(\.id) == ["a", "c"])
        #expect(warnings.count == 2)
    }

    @Test func warningsAreBounded() throws {
        let bad = Array(repeating: #"{"jobStatus":{"name":"x"}}"#, count: 500).joined(separator: ",")
        let (list, warnings) = try ICWSJSON.decodeReportingWarnings(JobList.self, from: Data(#"{"jobList":[\#(bad)]}"#.utf8))
        #expect(list.jobList.isEmpty)
        #expect(warnings.count == DecodingWarnings.limit)
    }
}
