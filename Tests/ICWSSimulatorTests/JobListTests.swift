import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("GET data-extractor jobs")
struct JobListTests {
    @Test func defaultPageIs30NewestFirstStatusOnly() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let response = try await session.jobs()
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == ICWSProtocol.mediaType)
            let jobs = try response.decode(JobList.self).jobList
            #expect(jobs.count == 30)
            #expect(jobs.compactMap(\.id) == Array(await simulator.jobIds().prefix(30)))
            #expect(jobs.allSatisfy { $0.id.flatMap(UUID.init(uuidString:)) != nil }, "job ids are GUIDs")
            #expect(jobs.allSatisfy { $0.jobStatus != nil && $0.jobConfig == nil })
            // Dates go out in the basic form.
            #expect(response.text.range(of: #""submitTime":"\d{8}T\d{6}Z""#, options: .regularExpression) != nil)
        }
    }

    @Test func pagingWithFromJobId() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let first = try await session.jobList("?jobCount=25")
            let second = try await session.jobList("?jobCount=25&fromJobId=\(first.last!.id!)")
            let third = try await session.jobList("?jobCount=25&fromJobId=\(second.last!.id!)")
            let ids = await simulator.jobIds()
            #expect(first.map(\.id) == ids[0..<25].map { $0 })
            #expect(second.map(\.id) == ids[25..<50].map { $0 })
            #expect(third.map(\.id) == ids[50...].map { $0 })
            let unknown = try await session.jobList("?jobCount=25&fromJobId=\(UUID().uuidString)")
            #expect(unknown.isEmpty, "an id the server does not know pages nothing")
        }
    }

    @Test func responseModesChooseTheHalves() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let configuration = try await session.jobList("?jobsResponseMode=configuration&jobCount=5")
            #expect(configuration.count == 5)
            #expect(configuration.allSatisfy { $0.jobStatus == nil && $0.jobConfig?.id != nil })
            let all = try await session.jobList("?jobsResponseMode=all&jobCount=5")
            #expect(all.allSatisfy { $0.jobStatus != nil && $0.jobConfig != nil })
            let status = try await session.jobList("?jobsResponseMode=status&jobCount=5")
            #expect(status.allSatisfy { $0.jobStatus != nil && $0.jobConfig == nil })
        }
    }

    @Test(arguments: ["?jobCount=0", "?jobCount=abc", "?jobCount=5000", "?jobsResponseMode=everything", "?fromJobId=x"])
    func badQueryIs400(_ query: String) async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let response = try await session.jobs(query)
            #expect(response.status == 400)
            #expect(response.error?.errorId == ICWSErrorID.invalidProperty)
        }
    }

    @Test func getOneJobDefaultsToAll() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let id = await simulator.jobId(age: 18)
            let job = try await session.send(.GET, ICWSPath.job(session.id, id)).decode(Job.self)
            #expect(job.jobStatus?.id == id)
            #expect(job.jobConfig?.id == id)
            let upper = try await session.send(.GET, ICWSPath.job(session.id, id.uppercased())).decode(Job.self)
            #expect(upper.jobStatus?.id == id, "GUIDs match whatever their case")
            #expect(job.jobConfig?.submittedUserId == job.jobStatus?.submittedUserId)
            let statusOnly = try await session.send(.GET, ICWSPath.job(session.id, id) + "?jobsResponseMode=status").decode(Job.self)
            #expect(statusOnly.jobConfig == nil)
            let missing = try await session.send(.GET, ICWSPath.job(session.id, "999999"))
            #expect(missing.status == 404)
            #expect(missing.error?.message == "Job 999999 was not found.")
        }
    }
}
