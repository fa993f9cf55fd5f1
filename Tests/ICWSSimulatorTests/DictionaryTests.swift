import Foundation
import ICWSSimulator
import ICWSWire
import JobComposition
import Testing

/// The simulator's data dictionary: SDK shapes, at least 30 CIC datasets, filters, the feature knob.
@Suite("Simulator data dictionary")
struct DictionaryTests {
    private func get(_ session: WireSession, _ path: String) async throws -> WireResponse {
        try await session.send(.GET, path)
    }

    @Test("tables, views and data-set names have the SDK's shapes")
    func shapes() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            for (path, fixture) in [(ICWSPath.dictionaryTables(session.id), "dictionary-tables.json"),
                                    (ICWSPath.dictionaryViews(session.id), "dictionary-views.json"),
                                    (ICWSPath.dictionaryDataSetNames(session.id), "dictionary-data-set-names.json")] {
                let response = try await get(session, path)
                #expect(response.status == 200)
                let difference = JSONShape(optionalKeys: []).mismatch(try JSONValue.parse(response.body), [try GoldenFixture.json(fixture)])
                #expect(difference == nil, "\(fixture): \(difference ?? "")")
            }
        }
    }

    @Test("at least 30 datasets, tables and views, in several data sets, with filter columns that are columns")
    func realistic() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let tables = try (try await get(session, ICWSPath.dictionaryTables(session.id))).decode(DictionaryTables.self).tableList
            let views = try (try await get(session, ICWSPath.dictionaryViews(session.id))).decode(DictionaryViews.self).viewList
            #expect(tables.count + views.count >= 30)
            #expect(views.count >= 5)
            let all = tables + views
            #expect(Set(all.compactMap(\.dataSetTitle)).count >= 5)
            for name in ["InteractionSummary", "InteractionCustomAttributes", "InteractionWrapup", "IVRHistory", "IVRInterval",
                         "AgentActivityLog", "IAgentQueueStats", "IWrkgrpQueueStats", "IStatsGroup", "UserWorkgroups"] {
                #expect(tables.contains { $0.name == name }, "\(name)")
            }
            for set in all {
                #expect(!set.column.isEmpty && !set.shortDescription.isEmpty, "\(set.name)")
                for filter in [set.dateTimeFilterColumn, set.siteIdFilterColumn].compactMap({ $0 }) {
                    #expect(set.column(named: filter) != nil, "\(set.name).\(filter)")
                }
            }
            #expect(all.flatMap(\.column).contains { $0.containsPII == .yes })
            #expect(all.contains { $0.dateTimeFilterColumn == nil })
        }
    }

    @Test("ids and dataSetNames filter, compared case-insensitively; the combined call has both lists")
    func filters() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let byId = try (try await get(session, ICWSPath.dictionaryTables(session.id) + "?ids=interactionsummary,IVRHISTORY"))
                .decode(DictionaryTables.self).tableList
            #expect(byId.map(\.name) == ["InteractionSummary", "IVRHistory"])
            let bySet = try (try await get(session, ICWSPath.dictionaryViews(session.id) + "?dataSetNames=queue%20statistics%20data"))
                .decode(DictionaryViews.self).viewList
            #expect(!bySet.isEmpty && bySet.allSatisfy { $0.dataSetTitle == "Queue Statistics Data" })
            let combined = try (try await get(session, ICWSPath.dataDictionary(session.id) + "?dataSetNames=IVR%20Data"))
                .decode(DataDictionaryAnswer.self)
            #expect(combined.tables?.tableList.map(\.name) == ["IVRHistory", "IVRInterval"])
            #expect(combined.views?.viewList.map(\.name) == ["IVRInterval_viw"])
        }
    }

    @Test("the routes need a session like every session call")
    func needsSession() async throws {
        try await withSimulator { simulator in
            let response = try await WireClient(baseURL: simulator.baseURL).send(.GET, ICWSPath.dictionaryTables("nosuchsession"))
            #expect(response.status == 401)
        }
    }

    @Test("with the feature switched off it is not listed and the routes answer 404")
    func featureOff() async throws {
        try await withSimulator(.with { $0.dataDictionaryVersion = nil }) { simulator in
            let client = WireClient(baseURL: simulator.baseURL)
            let features = try (try await client.send(.GET, ICWSPath.features)).decode(FeatureInfoList.self).featureInfoList
            #expect(!features.contains { $0.featureId == ICWSProtocol.dataDictionaryFeature })
            #expect(features.contains { $0.featureId == ICWSProtocol.dataExtractorFeature })
            let session = try await client.session()
            #expect(try await get(session, ICWSPath.dictionaryTables(session.id)).status == 404)
            #expect(try await session.jobList().count == 30)
        }
    }

    @Test("every seeded job passes the server's rules, so it can be resubmitted as it is")
    func seededJobsPassTheRules() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let dictionary = DataDictionary(
                tables: try (try await get(session, ICWSPath.dictionaryTables(session.id))).decode(DictionaryTables.self).tableList,
                views: try (try await get(session, ICWSPath.dictionaryViews(session.id))).decode(DictionaryViews.self).viewList)
            let jobs = try await session.jobList("?jobCount=60&jobsResponseMode=configuration")
            #expect(jobs.count == 60)
            for job in jobs {
                let config = try #require(job.jobConfig)
                #expect(JobRules.problems(in: config, dictionary: dictionary).isEmpty, "\(config.name)")
            }
        }
    }
}
