import Foundation
import ICWSWire
import Testing

@Suite("Job fixtures")
struct JobFixtureTests {
    @Test func statusModeHasOnlyStatuses() throws {
        let jobs = try Fixture.decode(JobList.self, "jobs-status.json").jobList
        #expect(jobs.map(\.id) == ["1042", "1041", "1040", "1039"])
        #expect(jobs.allSatisfy { $0.jobStatus != nil && $0.jobConfig == nil })
        #expect(jobs.compactMap(\.jobStatus?.state) == [.started, .finished, .failed, .canceled])
    }

    @Test func configurationModeHasOnlyConfigurations() throws {
        let jobs = try Fixture.decode(JobList.self, "jobs-configuration.json").jobList
        #expect(jobs.map(\.id) == ["1042", "1041", "1040", "1039"])
        #expect(jobs.allSatisfy { $0.jobStatus == nil && $0.jobConfig != nil })
        #expect(jobs[1].jobConfig?.tableConfigs.map(\.name) == ["AgentActivityLog", "UserWorkgroups"])
        #expect(jobs[2].jobConfig?.viewConfigs.map(\.name) == ["IWrkgrpQueueStats_viw"])
    }

    @Test func allModeHasBothHalvesWithMatchingIds() throws {
        let jobs = try Fixture.decode(JobList.self, "jobs-all.json").jobList
        #expect(jobs.count == 4)
        for job in jobs {
            #expect(job.jobStatus?.id == job.jobConfig?.id)
            #expect(job.jobStatus?.name == job.jobConfig?.name)
        }
    }

    @Test func statusValuesAndDatesAreExact() throws {
        let jobs = try Fixture.decode(JobList.self, "jobs-status.json").jobList.compactMap(\.jobStatus)
        let started = jobs[0], finished = jobs[1], failed = jobs[2], canceled = jobs[3]
        #expect(started.name == "Nightly interaction extract")
        #expect(started.submittedUserId == "jdoe")
        #expect(started.submittedUserSiteId == 1)
        #expect(started.submitTime == utc(2026, 11, 28, 10, 15, 0))
        #expect(started.queuedTime == utc(2026, 11, 28, 10, 15, 2))
        #expect(started.startedTime == utc(2026, 11, 28, 10, 15, 10))
        #expect(started.outputFolder == #"D:\DataExtractor\Output\Nightly interaction extract_1042"#)
        #expect(started.endTime == nil)

        #expect(finished.finishedTime == utc(2026, 11, 28, 9, 30, 12))
        #expect(finished.endTime == utc(2026, 11, 28, 9, 30, 12))

        #expect(failed.submittedUserSiteId == 2)
        #expect(failed.errorInfo == "Timeout expired while reading from InteractionSummary (SQL error -2)")
        #expect(failed.endTime == utc(2026, 11, 28, 8, 1, 55))

        #expect(canceled.cancelUserId == "admin")
        #expect(canceled.startedTime == nil)
        #expect(canceled.endTime == utc(2026, 11, 28, 7, 1, 0))
    }

    @Test func jobInAllModeCarriesTablesViewsFiltersAndSites() throws {
        let job = try Fixture.decode(Job.self, "job-all.json")
        #expect(job.id == "1042")
        #expect(job.jobStatus?.state == .started)
        let config = try #require(job.jobConfig)
        #expect(config.submittedUserId == "jdoe")
        #expect(config.tableConfigs == [DataSetConfig(
            name: "InteractionSummary", dateTimeFilterColumn: "StartDateTimeUTC", siteIdFilterColumn: "SiteID",
            column: ["InteractionIDKey", "SiteID", "StartDateTimeUTC", "Direction"].map(ColumnRef.init(name:)))])
        #expect(config.viewConfigs == [DataSetConfig(
            name: "CallDetail_viw", dateTimeFilterColumn: "InitiatedDateTimeGMT", siteIdFilterColumn: "SiteId",
            column: ["CallId", "CallType", "InitiatedDateTimeGMT"].map(ColumnRef.init(name:)))])
        #expect(config.startTimeFilter == utc(2026, 11, 27, 0, 0, 0))
        #expect(config.endTimeFilter == utc(2026, 11, 28, 0, 0, 0))
        #expect(config.siteIds == ["1", "2"])
    }

    @Test func jobRoundTripsToTheSameJSON() throws {
        let job = try Fixture.decode(Job.self, "job-all.json")
        #expect(try encodedJSON(job) == Fixture.json("job-all.json"))
        let list = try Fixture.decode(JobList.self, "jobs-all.json")
        #expect(try encodedJSON(list) == Fixture.json("jobs-all.json"))
    }

    @Test func postBodyUsesBasicDatesSingularColumnAndSiteObjects() throws {
        let config = JobConfig(
            name: "Nightly interaction extract", submittedUserId: "jdoe",
            tables: [DataSetConfig(name: "InteractionSummary", dateTimeFilterColumn: "StartDateTimeUTC", siteIdFilterColumn: "SiteID",
                                   column: ["InteractionIDKey", "SiteID", "StartDateTimeUTC", "Direction"].map(ColumnRef.init(name:)))],
            views: [DataSetConfig(name: "CallDetail_viw", dateTimeFilterColumn: "InitiatedDateTimeGMT", siteIdFilterColumn: "SiteId",
                                  column: ["CallId", "CallType", "InitiatedDateTimeGMT"].map(ColumnRef.init(name:)))],
            startTimeFilter: utc(2026, 11, 27, 0, 0, 0), endTimeFilter: utc(2026, 11, 28, 0, 0, 0), siteIdFilters: ["1", "2"])
        #expect(try encodedJSON(config) == Fixture.json("job-post-body.json"))

        let text = String(decoding: try ICWSJSON.encode(config), as: UTF8.self)
        #expect(text.contains(#""startTimeFilter":"20261127T000000Z""#))
        #expect(text.contains(#""column":[{"name":"#))
        #expect(!text.contains(#""columns""#))
        #expect(text.contains(#""siteIdFilters":[{"name":"1"},{"name":"2"}]"#))
        #expect(!text.contains("__type"))
    }

    @Test func encoderTruncatesFractionsToBasicSeconds() throws {
        let status = JobStatus(id: "1", name: "n", submittedUserId: "u", submitTime: utc(2026, 11, 28, 10, 15, 0, 0.999))
        let text = String(decoding: try ICWSJSON.encode(status), as: UTF8.self)
        #expect(text.contains(#""submitTime":"20261128T101500Z""#))
    }

    @Test func emptyConfigListsAreOmitted() throws {
        let text = String(decoding: try ICWSJSON.encode(JobConfig(name: "n", submittedUserId: "u")), as: UTF8.self)
        #expect(text == #"{"name":"n","submittedUserId":"u"}"#)
    }
}
