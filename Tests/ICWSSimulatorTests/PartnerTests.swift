import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("Switchover partner")
struct PartnerTests {
    @Test func partnerSharesJobsSessionsAndAdvertisesEachOther() async throws {
        try await withSimulator { primary in
            let partner = ICWSSimulator(partnerOf: primary, host: "127.0.0.2", port: try #require(primary.port))
            let partnerPort = try await partner.start()
            do {
                try await Self.checkSharedState(primary: primary, partner: partner, partnerPort: partnerPort)
            } catch {
                await partner.stop()
                throw error
            }
            await partner.stop()
            let alone = try await WireClient(baseURL: primary.baseURL).login("admin", "admin-secret", include: "")
            #expect(alone.status == 503, "the primary keeps its own faults")
        }
    }

    @Test func bindingATakenPortThrows() async throws {
        try await withSimulator { simulator in
            let clash = ICWSSimulator(configuration: SimulatorConfiguration(port: try #require(simulator.port), speed: 0))
            await #expect(throws: (any Error).self) { try await clash.start() }
            #expect(clash.port == nil)
        }
    }

    private static func checkSharedState(primary: ICWSSimulator, partner: ICWSSimulator, partnerPort: Int) async throws {
        #expect(partnerPort == primary.port)
        #expect(partner.baseURL == "http://127.0.0.2:\(partnerPort)")

        await primary.setFaults(SimulatorFaults(notAcceptingConnections: ["127.0.0.2"]))
        #expect(try await WireClient(baseURL: primary.baseURL).login("admin", "admin-secret").status == 503)
        let login = try await WireClient(baseURL: partner.baseURL).login("admin", "admin-secret")
        #expect(try login.decode(ConnectionResponse.self).alternateHostList == ["127.0.0.1"])

        let onPartner = try await WireClient(baseURL: partner.baseURL).session()
        let id = try await onPartner.send(.POST, ICWSPath.jobs(onPartner.id),
                                          body: try ICWSJSON.encode(JobChangeTests.config("moved"))).decode(JobCreated.self).id
        #expect(await primary.jobStatus(id: id)?.name == "moved")
        // The same session is valid on the primary listener.
        let sameSession = WireSession(client: WireClient(baseURL: primary.baseURL), id: onPartner.id,
                                      csrf: onPartner.csrf, cookie: onPartner.cookie)
        #expect(try await sameSession.jobList("?jobCount=1").first?.id == id)
    }
}
