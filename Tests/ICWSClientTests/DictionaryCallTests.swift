import ICWSSimulator
import ICWSWire
import Testing
@testable import ICWSClient

/// The data-dictionary calls against the simulator: decoded, cached per server, feature-checked.
@Suite struct DictionaryCallTests {
    @Test("tables and views arrive with kinds; the second call is answered from the cache")
    func fetchAndCache() async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
            let dictionary = try await session.dataDictionary()
            #expect(dictionary.all.count >= 30)
            #expect(dictionary.tables.allSatisfy { $0.kind == .table })
            #expect(dictionary.views.allSatisfy { $0.kind == .view })
            #expect(dictionary.dataSet(named: "interactionsummary")?.dateTimeFilterColumn == "StartDateTimeUTC")
            #expect(dictionary.problems.isEmpty)
            #expect(try await session.dataSetNames().contains("IVR Data"))
            _ = try await session.dataDictionary()
            _ = try await session.dataSetNames()
        }
        #expect(log.count(containing: "/data-dictionary/tables ->") == 1, "\(log.all)")
        #expect(log.count(containing: "/data-dictionary/views ->") == 1)
        #expect(log.count(containing: "/data-dictionary/data-set-names ->") == 1)
        #expect(log.count(containing: "GET /icws/connection/features ->") == 1)
    }

    @Test("without data-dictionary 2 the calls fail with featureMissing; jobs still work")
    func featureMissing() async throws {
        let fixture = try await SimulatorFixture.start { $0.dataDictionaryVersion = nil }
        try await fixture.withSession { (session: ICWSSession) async throws -> Void in
            await #expect {
                _ = try await session.dataDictionary()
            } throws: { error in
                guard case ICWSError.featureMissing(let message) = error else { return false }
                return message == "composing jobs needs data-dictionary version 2 or later; the server does not offer the data-dictionary feature"
            }
            #expect(try await session.dataDictionaryVersion() == nil)
            #expect(try await session.listJobs(count: 3).count == 3)
        }
    }

    @Test("version 1 is not enough")
    func oldVersion() async throws {
        let fixture = try await SimulatorFixture.start { $0.dataDictionaryVersion = 1 }
        try await fixture.withSession { (session: ICWSSession) async throws -> Void in
            await #expect {
                _ = try await session.dataSetNames()
            } throws: { error in
                "\(error)".hasSuffix("the server offers version 1")
            }
        }
    }

    @Test("a login on another server (switchover) drops the cache")
    func cacheDroppedOnOtherServer() async throws {
        let fixture = try await SimulatorFixture.start()
        let log = RecordingLog()
        try await fixture.withPartner { _ in
            try await fixture.withSession(fixture.configuration(logger: log.logger)) { session in
                _ = try await session.dataDictionary()
                await fixture.simulator.setFaults(SimulatorFaults(switchedOver: ["127.0.0.2"]))
                #expect(try await session.listJobs(count: 1).count == 1)
                #expect(await session.info?.server.host == "127.0.0.2")
                _ = try await session.dataDictionary()
            }
        }
        #expect(log.all.filter { $0.contains("/data-dictionary/tables -> 200") }.count == 2, "\(log.all)")
        #expect(log.all.contains { $0.contains("GET /icws/connection/features") && $0.contains("127.0.0.2") })
    }

    @Test("a refused submit carries the server's message")
    func refusedSubmitKeepsMessage() async throws {
        let fixture = try await SimulatorFixture.start()
        try await fixture.withSession { session in
            let config = JobConfig(name: "x", submittedUserId: "admin",
                                   tables: [DataSetConfig(name: "NoSuchTable", column: [ColumnRef(name: "a")])])
            await #expect {
                _ = try await session.submitJob(config)
            } throws: { error in
                guard case ICWSError.badRequest(let info) = error else { return false }
                return info.status == 400 && info.message == #"Unknown table "NoSuchTable"."#
            }
        }
    }
}
