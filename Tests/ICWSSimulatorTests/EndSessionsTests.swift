import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("Sessions ended by the server")
struct EndSessionsTests {
    static let reason = "You were logged off by an administrator."

    @Test func openStreamGetsConnectionDownThenEnds() async throws {
        try await withSimulator { simulator in
            let newestId = await simulator.jobId(age: 0)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([newestId])
            let response = try await session.openEventStream()
            let frames = try await withTimeout(30, "the stream's last frames") {
                var reader = EventStreamReader(response)
                _ = try await reader.nextJobMessage()  // attached: the subscription's full status
                #expect(await simulator.endSessions(reason: Self.reason) == 1)
                var rest: [String] = []
                while let frame = try await reader.nextFrame() { rest.append(frame) }
                return rest.filter { $0.hasPrefix("data: ") }
            }
            #expect(frames.count == 1)
            let change = try Self.connectionChange(Data(try #require(frames.first).dropFirst(6).utf8))
            #expect(change.newConnectionState == 2)
            #expect(change.previousConnectionState == 1)
            #expect(change.reason == Self.reason)

            let after = try await session.jobs()
            #expect(after.status == 401)
            #expect(after.error?.errorCode == 1)
            #expect(after.header("WWW-Authenticate") != nil)
            #expect(try await session.send(.GET, ICWSPath.messages(session.id), csrf: false).status == 401)
        }
    }

    @Test func pollerTakesTheLastMessagesOnceAndOtherCallsAnswer401() async throws {
        try await withSimulator { simulator in
            let newestId = await simulator.jobId(age: 0)
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([newestId])
            await simulator.advance(jobId: newestId)
            #expect(await simulator.endSessions(reason: Self.reason) == 1)
            #expect(await simulator.endSessions() == 0, "an ended session is not ended twice")
            await simulator.advance(jobId: newestId)  // no longer subscribed: queues nothing

            #expect(try await session.jobs().status == 401)
            #expect(try await session.send(.DELETE, ICWSPath.sessionConnection(session.id)).status == 401)
            let last = try await session.send(.GET, ICWSPath.messages(session.id), csrf: false)
            #expect(last.status == 200)
            let messages = try last.decode([ICWSMessage].self)
            #expect(messages.count == 3, "full status, one delta, then the connection change")
            guard case .connectionStateChange(let change)? = messages.last else {
                Issue.record("expected the connection change last, got \(messages)")
                return
            }
            #expect(change.newConnectionState == 2 && change.reason == Self.reason)
            #expect(try await session.send(.GET, ICWSPath.messages(session.id), csrf: false).status == 401)

            let renewed = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(try await renewed.jobs().status == 200, "new logins work")
        }
    }

    @Test func streamOpenedAfterTheEndWritesTheLastMessagesAndEnds() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(await simulator.endSessions(reason: Self.reason) == 1)
            let response = try await session.openEventStream()
            #expect(response.status == .ok)
            let frames = try await withTimeout(30, "the late stream's frames") {
                var reader = EventStreamReader(response)
                var frames: [String] = []
                while let frame = try await reader.nextFrame() { frames.append(frame) }
                return frames.filter { $0.hasPrefix("data: ") }
            }
            #expect(frames.count == 1)
            let change = try Self.connectionChange(Data(try #require(frames.first).dropFirst(6).utf8))
            #expect(change.reason == Self.reason)
            #expect(try await session.send(.GET, ICWSPath.messages(session.id), csrf: false).status == 401)
        }
    }

    private static func connectionChange(_ data: Data) throws -> ConnectionStateChangeMessage {
        guard case .connectionStateChange(let change) = try ICWSJSON.decode(ICWSMessage.self, from: data) else {
            throw WireTestError.unexpectedStatus(200, String(decoding: data, as: UTF8.self))
        }
        return change
    }
}
