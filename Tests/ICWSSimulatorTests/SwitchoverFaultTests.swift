import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("Switchover mid-session")
struct SwitchoverFaultTests {
    @Test func switchedOverListenerRefusesEverySessionCallAndEndsItsStreams() async throws {
        try await withSimulator { simulator in
            let newestId = await simulator.jobId(age: 0)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([newestId])
            let response = try await session.openEventStream()
            let ended = try await withTimeout(30, "the stream ends on switchover") {
                var reader = EventStreamReader(response)
                _ = try await reader.nextJobMessage()  // attached: the subscription's full status
                await simulator.setFaults(SimulatorFaults(switchedOver: ["127.0.0.2"]))
                while try await reader.nextFrame() != nil {}
                return true
            }
            #expect(ended)

            let refusals = [
                try await session.jobs(),
                try await session.send(.GET, ICWSPath.messages(session.id), csrf: false),
                try await session.send(.POST, ICWSPath.heartbeat(session.id)),
                try await session.subscribe([newestId]),
                try await WireClient(baseURL: simulator.baseURL).login("admin", "admin-secret"),
            ]
            for refusal in refusals {
                #expect(refusal.status == 503)
                #expect(refusal.header("Content-Type") == ICWSProtocol.mediaType)
                #expect(refusal.error?.alternateHostList == ["127.0.0.2"])
                #expect(refusal.error?.errorId == "error.server.notAcceptingConnections")
                #expect(refusal.error?.message == "This Session Manager is not currently accepting connections.")
            }
            // The knob does not end the session: cleared, the same session works again.
            await simulator.setFaults(SimulatorFaults())
            #expect(try await session.jobs().status == 200)
        }
    }

    @Test func partnerServesTheSessionWhileThePrimaryIsSwitchedOver() async throws {
        try await withSimulator { primary in
            let partner = ICWSSimulator(partnerOf: primary, host: "127.0.0.2", port: try #require(primary.port))
            _ = try await partner.start()
            do {
                let session = try await WireClient(baseURL: primary.baseURL).session()
                await primary.setFaults(SimulatorFaults(switchedOver: ["127.0.0.2"]))
                #expect(try await session.jobs().status == 503)
                let login = try await WireClient(baseURL: partner.baseURL).login("admin", "admin-secret")
                #expect(login.status == 201)
                let onPartner = WireSession(client: WireClient(baseURL: partner.baseURL), id: session.id,
                                            csrf: session.csrf, cookie: session.cookie)
                #expect(try await onPartner.jobs().status == 200)
            } catch {
                await partner.stop()
                throw error
            }
            await partner.stop()
        }
    }
}
