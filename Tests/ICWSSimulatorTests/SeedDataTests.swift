import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("Seed data")
struct SeedDataTests {
    struct Fingerprint: Equatable {
        let id: String, name: String, user: String, site: Int?, state: JobState?, tables: [String], columns: Int
    }

    static func fingerprint(_ simulator: ICWSSimulator) async -> [Fingerprint] {
        var result: [Fingerprint] = []
        for status in await simulator.allJobStatuses() {
            let config = await simulator.jobConfig(id: status.id)
            result.append(Fingerprint(
                id: status.id, name: status.name, user: status.submittedUserId, site: status.submittedUserSiteId,
                state: status.state, tables: (config?.tableConfigs ?? []).map(\.name) + (config?.viewConfigs ?? []).map(\.name),
                columns: (config?.tableConfigs ?? []).reduce(0) { $0 + $1.column.count }))
        }
        return result
    }

    @Test func sameSeedSameJobsOtherSeedOtherJobs() async {
        let a = await Self.fingerprint(ICWSSimulator(configuration: SimulatorConfiguration(speed: 0, seed: 42)))
        let b = await Self.fingerprint(ICWSSimulator(configuration: SimulatorConfiguration(speed: 0, seed: 42)))
        let c = await Self.fingerprint(ICWSSimulator(configuration: SimulatorConfiguration(speed: 0, seed: 43)))
        #expect(a.count == 60)
        #expect(a == b)
        #expect(a != c)
    }

    @Test(arguments: [UInt64(1), 2, 3, 99])
    func everyStateSeveralUsersNewestActive(_ seed: UInt64) async {
        let simulator = ICWSSimulator(configuration: SimulatorConfiguration(speed: 0, seed: seed))
        let statuses = await simulator.allJobStatuses()
        #expect(Set(statuses.compactMap(\.state)) == Set(JobState.known))
        #expect(Set(statuses.map(\.submittedUserId)).isSuperset(of: ["admin", "jdoe"]))
        #expect(Set(statuses.compactMap(\.submittedUserSiteId)).count >= 2)
        let activeCount = statuses.prefix { $0.knownState.isCancelable }.count
        #expect((6...10).contains(activeCount))
        #expect(statuses.dropFirst(activeCount).allSatisfy { $0.knownState.hasEnded })
        for status in statuses {
            #expect(status.stateChangedTime != nil && status.submitTime != nil)
            #expect(status.stateChangedTime! >= status.submitTime!)
            if status.state == .failed { #expect(status.errorInfo?.isEmpty == false) }
            if status.state == .finished { #expect(status.outputFolder == "D:\\DataExtractor\\Output\\\(status.name)_\(status.id)") }
            if status.state == .canceled { #expect(status.cancelUserId != nil && status.canceledTime != nil) }
        }
    }

    @Test func configurationsUseRealTablesWithFilterColumns() async throws {
        let simulator = ICWSSimulator(configuration: SimulatorConfiguration(speed: 0))
        let config = try #require(await simulator.jobConfig(id: simulator.jobIds().last!))
        let dataSets = config.tableConfigs + config.viewConfigs
        #expect(!dataSets.isEmpty)
        #expect(dataSets.allSatisfy { !$0.column.isEmpty })
        var sawInteractionSummary = false
        for status in await simulator.allJobStatuses() {
            let config = try #require(await simulator.jobConfig(id: status.id))
            if let table = config.tableConfigs.first(where: { $0.name == "InteractionSummary" }) {
                sawInteractionSummary = true
                #expect(table.dateTimeFilterColumn == "StartDateTimeUTC" && table.siteIdFilterColumn == "SiteID")
            }
            if let start = config.startTimeFilter, let end = config.endTimeFilter {
                #expect([86_400.0, 7 * 86_400, 30 * 86_400].contains(end.timeIntervalSince(start)))
            }
        }
        #expect(sawInteractionSummary)
    }

    @Test func hostileDataCarriesTerminalAttacksOnTheFirstPage() async throws {
        try await withSimulator(.with { $0.hostileData = true }) { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let response = try await session.jobs()
            let statuses = try response.decode(JobList.self).jobList.compactMap(\.jobStatus)
            #expect(statuses.count == 30)
            let names = statuses.map(\.name)
            let errors = statuses.compactMap(\.errorInfo)
            let all = (names + errors).joined(separator: "|")
            for attack in ["\u{1B}[2J", "\u{1B}]0;pwned\u{07}", "\u{9B}31m", "\u{202E}", "\u{2066}", "\r", "夜間抽出ジョブ"] {
                #expect(all.contains(attack), "missing \(attack.debugDescription)")
            }
            #expect(names.contains { $0.count >= 300 })
            #expect(errors.contains { $0.contains("\u{1B}") })
            // JSON escapes the C0 controls, so they travel intact and the body still decodes.
            #expect(response.text.contains(#"\u001b[2J"#))
        }
    }

    @Test func plainDataHasNoControls() async {
        let statuses = await ICWSSimulator(configuration: SimulatorConfiguration(speed: 0)).allJobStatuses()
        let text = statuses.flatMap { [$0.name, $0.errorInfo ?? "", $0.outputFolder ?? ""] }.joined()
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format })
    }
}
