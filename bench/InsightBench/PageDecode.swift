import Foundation
import ICWSWire

/// One page of 1,000 jobs with their configurations (`jobsResponseMode=all`, as a history walk asks
/// them), encoded as the server writes it and decoded both ways: Foundation's `JSONDecoder` (the
/// Codable path) and `JobPageDecoder` (docs/performance.md, "Job pages").
enum PageDecode {
    @MainActor static func run(_ jobs: [(server: String, status: JobStatus, config: JobConfig?)]) throws {
        let page = JobList(jobs.prefix(1000).map { job in
            var status = job.status
            status.outputFolder = #"D:\DataExtractor\Output\"# + status.name + "_" + status.id
            status.stateChangedTime = status.finishedTime ?? status.failedTime
            status.submittedUserSiteId = 1
            return Job(jobStatus: status, jobConfig: job.config)
        })
        let body = try ICWSJSON.encode(page)
        guard let fast = JobPageDecoder.jobList(from: body), try ICWSJSON.decode(JobList.self, from: body) == fast else {
            print("the fast decoder declined the page or read it differently")
            exit(1)
        }
        print("page of \(page.jobList.count) jobs: \(body.count / 1000) KB")
        _ = measure("decode the page: JSONDecoder") { _ = try? ICWSJSON.decodeReportingWarnings(JobList.self, from: body) }
        _ = measure("decode the page: JobPageDecoder") { _ = JobPageDecoder.jobList(from: body) }
    }
}
