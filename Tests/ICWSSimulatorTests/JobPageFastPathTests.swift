import Foundation
import ICWSSimulator
import ICWSWire
import Testing

/// The fast page decoder over the simulator's own pages, as a history walk asks them (1,000 jobs
/// with their configurations): it reads every page, exactly as the Codable path does.
@Suite("Job pages of the simulator: fast decoder and Codable path agree")
struct JobPageFastPathTests {
    /// The seeded random jobs, the series history, and hostile data (escape sequences, bidi
    /// overrides, CJK, long names).
    @Test(arguments: [(false, false), (true, false), (false, true)])
    func everyPageOfAHistoryReadsTheSame(seriesHistory: Bool, hostile: Bool) async throws {
        var configuration = SimulatorConfiguration(jobCount: 2_500, speed: 0, hostileData: hostile)
        configuration.seriesHistory = seriesHistory
        try await withSimulator(SimulatorConfigurationForTests(value: configuration)) { simulator in
            // A name and a folder the encoder escapes (quotes, backslashes, a control) and UTF-8 beyond ASCII.
            let odd = JobConfig(name: "Caf\u{E9} \"\u{6771}\u{4EAC}\" \\ \u{1F600}\u{1}", submittedUserId: "jdoe",
                                tables: [DataSetConfig(name: "IAgentQueueStats", dateTimeFilterColumn: "dIntervalStart", column: [ColumnRef(name: "cName")])],
                                startTimeFilter: Date(timeIntervalSince1970: 1_790_000_000), siteIdFilters: ["1"])
            _ = await simulator.addJob(odd, submittedBy: "jdoe")
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            var from: String?
            var read: [Job] = []
            while true {
                let query = "?jobCount=1000&jobsResponseMode=all" + (from.map { "&fromJobId=\($0)" } ?? "")
                let body = try await session.jobs(query).body
                let page = try #require(JobPageDecoder.jobList(from: body), "the fast decoder declined a page of the simulator")
                let codable = try ICWSJSON.decodeReportingWarnings(JobList.self, from: body)
                #expect(page == codable.value)
                #expect(codable.warnings.isEmpty)
                read += page.jobList
                guard page.jobList.count == 1000, let last = page.jobList.last?.id else { break }
                from = last
            }
            #expect(read.count == (await simulator.allJobStatuses()).count)
            #expect(read.first?.jobConfig?.name == odd.name)
            #expect(read.allSatisfy { $0.jobStatus != nil && $0.jobConfig != nil })
        }
    }
}
