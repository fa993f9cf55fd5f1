import Foundation
import ICWSWire
import Testing

/// A simulator with a long history, bursts of status changes, and the traffic it counts.
@Suite("Scale: long histories, bursts, traffic")
struct ScaleTests {
    /// Paging by position: consecutive pages tile the whole history, whatever the case of the id.
    @Test func pagesTileALongHistoryAndIdsIgnoreCase() async throws {
        try await withSimulator(.with { $0.jobCount = 2_500 }) { simulator in
            let all = await simulator.jobIds()
            #expect(all.count == 2_500)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            var walked: [String] = []
            var from: String?
            repeat {
                let query = "?jobCount=1000" + (from.map { "&fromJobId=\($0.uppercased())" } ?? "")
                let page = try await session.jobList(query).compactMap(\.id)
                walked += page
                from = page.count == 1000 ? page.last : nil
            } while from != nil
            #expect(walked == all)
            let middle = all[1_234]
            let job = try await session.send(.GET, ICWSPath.job(session.id, middle.uppercased())).decode(Job.self)
            #expect(job.jobStatus?.id == middle)
        }
    }

    /// A seeded job's configuration is drawn again from its seed on every read: the same each time.
    @Test func aSeededConfigurationIsTheSameOnEveryRead() async throws {
        try await withSimulator(.with { $0.jobCount = 300 }) { simulator in
            let id = await simulator.jobId(age: 250)
            let first = try #require(await simulator.jobConfig(id: id))
            #expect(await simulator.jobConfig(id: id) == first)
            #expect(first.id == id && !(first.tableConfigs.isEmpty && first.viewConfigs.isEmpty))
        }
    }

    @Test func activeJobCountSetsHowManyNewestJobsAreRunning() async throws {
        try await withSimulator(.with { $0.jobCount = 100; $0.activeJobCount = 40 }) { simulator in
            let states = await simulator.allJobStatuses().map(\.knownState)
            #expect(states.prefix(40).allSatisfy { !$0.hasEnded })
            #expect(states.dropFirst(40).allSatisfy { $0.hasEnded })
        }
    }

    /// Every change of a burst reaches a polling subscriber as a delta, and the burst stops when
    /// the jobs it moves have all ended.
    @Test func aBurstReachesPollingSubscribers() async throws {
        try await withSimulator(.with { $0.jobCount = 50; $0.activeJobCount = 20 }) { simulator in
            let active = Array(await simulator.jobIds().prefix(20))
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe(active)
            _ = try await session.pollJobMessages()
            #expect(await simulator.burst(changes: 20, over: .milliseconds(100)) == 20)
            let deltas = try await session.pollJobMessages()
            #expect(deltas.count == 20 && deltas.allSatisfy { $0.isDelta })
            #expect(Set(deltas.flatMap(\.jobStatusList).map(\.id)) == Set(active), "each job in turn")
            // 2 submitted, 2 queued and 16 started jobs had 2×3 + 2×2 + 16 = 26 steps left.
            #expect(await simulator.burst(changes: 1_000, over: .zero) == 6, "the burst ends once its jobs have ended")
            #expect(await simulator.allJobStatuses().prefix(20).allSatisfy(\.knownState.hasEnded))
        }
    }

    @Test func aBurstReachesEventStreams() async throws {
        try await withSimulator(.with { $0.jobCount = 30; $0.activeJobCount = 10 }) { simulator in
            let active = Array(await simulator.jobIds().prefix(10))
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe(active)
            let response = try await session.openEventStream()
            let count = try await withTimeout(20, "the burst's deltas on the event stream") {
                var reader = EventStreamReader(response)
                guard try await reader.nextJobMessage()?.isDelta == false else { return -1 }
                Task { await simulator.burst(changes: 10, over: .milliseconds(50)) }
                var deltas = 0
                while deltas < 10, let message = try await reader.nextJobMessage() {
                    if message.isDelta { deltas += message.jobStatusList.count }
                }
                return deltas
            }
            #expect(count == 10)
        }
    }

    /// Requests and the bytes of their answers, per kind; a job list names its `jobCount`.
    @Test func trafficCountsRequestsAndAnswerBytesPerKind() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let before = simulator.traffic()
            let one = try await session.jobs("?jobCount=1")
            let id = try #require(try one.decode(JobList.self).jobList.first?.id)
            let job = try await session.send(.GET, ICWSPath.job(session.id, id))
            let traffic = simulator.traffic()
            #expect(before.requests["POST connection"] == 1)
            #expect(traffic.requests["GET data-extractor/jobs?jobCount=1"] == 1)
            #expect(traffic.answerBytes["GET data-extractor/jobs?jobCount=1"] == one.body.count)
            #expect(traffic.requests["GET data-extractor/jobs/{id}"] == 1)
            #expect(traffic.answerBytes["GET data-extractor/jobs/{id}"] == job.body.count)
            #expect(traffic.totalRequests == before.totalRequests + 2)
        }
    }

    /// The benchmark's handles over HTTP: a burst, and the traffic as JSON (not counted itself).
    @Test func controlRoutesRunABurstAndReportTraffic() async throws {
        try await withSimulator(.with { $0.jobCount = 20; $0.activeJobCount = 5 }) { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            let burst = try await client.send(.POST, "/simulator/burst?changes=4&seconds=0.05")
            #expect(burst.status == 200)
            #expect(try JSONSerialization.jsonObject(with: burst.body) as? [String: Int] == ["changes": 4])
            #expect(try await client.send(.POST, "/simulator/burst?changes=x").status == 400)
            _ = try await client.session()
            let answer = try await client.send(.GET, "/simulator/traffic")
            let traffic = try JSONDecoder().decode(SimulatorTrafficForTests.self, from: answer.body)
            #expect(traffic.requests == ["POST connection": 1])
        }
    }
}

/// `GET /simulator/traffic` as the benchmark reads it.
private struct SimulatorTrafficForTests: Decodable {
    let requests: [String: Int]
    let answerBytes: [String: Int]
}
