import Foundation
import ICWSWire
import Testing

@Suite("Tolerance fixtures")
struct ToleranceFixtureTests {
    @Test func unknownStateIsKeptAndReEncodedAsItsNumber() throws {
        let list = try Fixture.decode(JobList.self, "tolerance-unknown-state.json")
        let status = try #require(list.jobList.first?.jobStatus)
        #expect(status.state == .unknown(9))
        #expect(status.knownState.word == "unknown(9)")
        #expect(status.state?.hasEnded == false)
        #expect(status.state?.isCancelable == false)
        #expect(try encodedJSON(list) == Fixture.json("tolerance-unknown-state.json"))
    }

    @Test func unknownFieldsAreIgnoredAtEveryLevel() throws {
        let job = try Fixture.decode(Job.self, "tolerance-unknown-fields.json")
        #expect(job.jobStatus?.state == .started)
        #expect(job.jobStatus?.startedTime == utc(2026, 11, 28, 10, 15, 10))
        #expect(job.jobConfig?.tableConfigs == [DataSetConfig(name: "InteractionSummary", column: [ColumnRef(name: "SiteID")])])
        #expect(job.jobConfig?.siteIds == ["1"])
    }

    @Test func typeOnJobStatusAndConfigIsIgnored() throws {
        let job = try Fixture.decode(Job.self, "tolerance-type-on-jobstatus.json")
        #expect(job.id == "2003")
        #expect(job.jobStatus?.state == .submitted)
        #expect(job.jobConfig?.tableConfigs.first?.column == [ColumnRef(name: "CallId")])
        // Plain REST bodies are emitted without `__type`.
        #expect(!String(decoding: try ICWSJSON.encode(job), as: UTF8.self).contains("__type"))
    }

    @Test func extendedDatesWithFractionsAndOffsetsDecodeExactly() throws {
        let status = try Fixture.decode(JobStatus.self, "tolerance-extended-dates.json")
        #expect(status.submitTime == utc(2026, 11, 28, 10, 15, 0))
        #expect(status.queuedTime == utc(2026, 11, 28, 10, 15, 2))
        #expect(status.startedTime == utc(2026, 11, 28, 10, 15, 10, 0.5))
        #expect(status.finishedTime == utc(2026, 11, 28, 10, 45, 1))
        #expect(status.stateChangedTime == utc(2026, 11, 28, 10, 45, 1, 0.25))
        #expect(status.failedTime == utc(2026, 11, 28, 10, 45, 1, 0.75))
        #expect(status.canceledTime == utc(2026, 11, 28, 10, 45, 1))
        // Re-emitted in the basic form, fractions dropped.
        let text = String(decoding: try ICWSJSON.encode(status), as: UTF8.self)
        #expect(text.contains(#""startedTime":"20261128T101510Z""#))
        #expect(text.contains(#""stateChangedTime":"20261128T104501Z""#))
        #expect(!text.contains("-11-"))
    }

    @Test func missingOptionalFieldsDecodeAsNil() throws {
        let jobs = try Fixture.decode(JobList.self, "tolerance-missing-optional.json").jobList
        #expect(jobs.count == 5)
        let bare = try #require(jobs[0].jobStatus)
        #expect(bare == JobStatus(id: "2005", name: "Bare", submittedUserId: "jdoe", submittedUserSiteId: 1))
        #expect(bare.knownState == .unknown(-1))
        #expect(bare.endTime == nil)
        #expect(jobs[1].jobStatus == JobStatus(id: "2006", name: "", submittedUserId: ""))
        #expect(jobs[2].jobConfig == JobConfig(name: "Bare config", submittedUserId: "jdoe"))
        #expect(jobs[3].jobConfig?.tableConfigs == [DataSetConfig(name: "UserWorkgroups", column: [])])
        #expect(jobs[4] == Job())
        #expect(jobs[4].id == nil)
    }

    @Test func aJobWithoutAnIdIsSkippedWithOneClearLine() throws {
        let (list, warnings) = try ICWSJSON.decodeReportingWarnings(JobList.self, from: Fixture.data("tolerance-missing-id.json"))
        #expect(list.jobList.map(\.id) == ["2007"])
        #expect(warnings == ["skipped jobList.[1] (missing field 'id' at jobList.[1].jobStatus)"])
    }

    @Test func malformedJSONIsReportedAsSuch() throws {
        let error = try #require(throws: DecodingError.self) {
            try Fixture.decode(JobList.self, "tolerance-malformed.json")
        }
        #expect(ICWSJSON.describe(error) == "malformed JSON")
    }

    @Test func wrongTypesAndNullsAreDescribedInOneLine() throws {
        let wrongType = try #require(throws: DecodingError.self) {
            try ICWSJSON.decode(JobStatus.self, from: Data(#"{"id":true}"#.utf8))
        }
        #expect(ICWSJSON.describe(wrongType).hasPrefix("wrong type at id"))

        let truncated = try #require(throws: DecodingError.self) {
            try ICWSJSON.decode(JobList.self, from: Data(#"{"jobList":[],"x":1}"#.utf8.dropLast(3)))
        }
        #expect(ICWSJSON.describe(truncated) == "malformed JSON")

        let nullId = try #require(throws: DecodingError.self) {
            try ICWSJSON.decode(JobStatus.self, from: Data(#"{"id":null}"#.utf8))
        }
        #expect(ICWSJSON.describe(nullId) == "null value at id")
        for error in [wrongType, truncated, nullId] { #expect(!ICWSJSON.describe(error).contains("\n")) }
    }
}
