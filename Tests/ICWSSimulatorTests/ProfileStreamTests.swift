import Foundation
@testable import ICWSSimulator
import ICWSWire
import Testing

/// The event-stream profiles on the wire: raw bytes over a plain socket, so what is checked is what
/// the server wrote (comments, line endings, `data:` lines, and where its writes were cut).
@Suite("Server profiles: event stream rhythm and framing")
struct ProfileStreamTests {
    /// Reads the event stream of a session subscribed to the newest job (a full status message is
    /// waiting, so the first batch goes out at once) on a frozen simulator with `profile`, whose
    /// timed pings, unless the profile sets its own interval, come every `pingInterval`.
    private func stream(_ profile: ServerProfile, pingInterval: Duration = .milliseconds(20),
                        until done: @escaping @Sendable (RawHTTPAnswer) -> Bool) async throws -> RawHTTPAnswer {
        try await withSimulator(.with { $0.pingInterval = pingInterval; $0.profile = profile }) { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            _ = try await session.subscribe([await simulator.jobId(age: 0)])
            let (answer, _) = try await rawExchange(port: simulator.port ?? 0, session.rawEventStreamRequest, until: done)
            #expect(answer.head.hasPrefix("HTTP/1.1 200"), "\(answer.head)")
            return answer
        }
    }

    /// A measurement window: `window` after the first bytes of the body.
    private static func watched(for window: Duration) -> @Sendable (RawHTTPAnswer) -> Bool {
        { answer in answer.chunks.first.map { ContinuousClock.now - $0.arrived >= window } ?? false }
    }

    private static func has(data: Int, comments: Int) -> @Sendable (RawHTTPAnswer) -> Bool {
        { answer in
            let frames = SSEFrames(answer.text)
            return frames.dataPayloads.count >= data && frames.comments.count >= comments
        }
    }

    /// The job-status message of the first event, decoded from its joined `data:` lines.
    private func firstMessage(_ answer: RawHTTPAnswer) throws -> JobStatusMessage {
        let payload = try #require(SSEFrames(answer.text).dataPayloads.first)
        return try ICWSJSON.decode(JobStatusMessage.self, from: Data(payload.utf8))
    }

    @Test func standardSendsOneDataLinePerMessageAndTimedPings() async throws {
        let answer = try await stream(.standard, until: Self.has(data: 1, comments: 2))
        #expect(answer.text.hasPrefix("data: {"))
        let firstFrame = try #require(answer.text.components(separatedBy: "\n\n").first)
        #expect(!firstFrame.contains("\n") && !answer.text.contains("\r"))
        #expect(SSEFrames(answer.text).comments.allSatisfy { $0 == "ping" })
        #expect(try firstMessage(answer).isDelta == false)
    }

    @Test func pingAtOpenPingsBeforeAnythingElseAfterEachBatchAndOnItsTimer() async throws {
        // 5 s scaled to 100 ms.
        let answer = try await stream(ServerProfile.named("ping-at-open")!.scaled(by: 0.02), until: Self.has(data: 1, comments: 3))
        #expect(answer.text.hasPrefix(":ping\n\ndata: {"), "\(answer.text.prefix(40))")
        let afterData = try #require(answer.text.components(separatedBy: "\n\n").dropFirst(2).first)
        #expect(afterData == ":ping", "a ping right after the batch")
    }

    @Test func irregularPingsComeOnlyAfterABatch() async throws {
        // A 400 ms window in which a timed ping (every 20 ms here) would have come about 20 times.
        let answer = try await stream(ServerProfile.named("irregular-pings")!, until: Self.watched(for: .milliseconds(400)))
        let frames = answer.text.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        #expect(frames.count == 2 && frames.first?.hasPrefix("data: ") == true && frames.last == ":ping", "\(frames)")
    }

    @Test func pingEverySecondKeepsItsInterval() async throws {
        // 1 s scaled to 100 ms.
        let answer = try await stream(ServerProfile.named("ping-every-second")!.scaled(by: 0.1), until: Self.has(data: 1, comments: 4))
        let pings = answer.chunks.filter { String(decoding: $0.bytes, as: UTF8.self) == ":ping\n\n" }.map(\.arrived)
        #expect(pings.count >= 4)
        // On average no closer than the interval (a busy machine may deliver two at once).
        #expect(pings.last! - pings.first! >= .milliseconds(80) * (pings.count - 1))
    }

    @Test func noPingsMeansNoCommentAtAll() async throws {
        let answer = try await stream(ServerProfile.named("no-pings")!, until: Self.watched(for: .milliseconds(400)))
        let frames = SSEFrames(answer.text)
        #expect(frames.comments.isEmpty && frames.dataPayloads.count == 1, "\(answer.text)")
    }

    @Test func otherCommentIsNotPing() async throws {
        let answer = try await stream(ServerProfile.named("other-comment")!, until: Self.has(data: 1, comments: 2))
        #expect(SSEFrames(answer.text).comments.allSatisfy { $0 == " keep-alive" })
        #expect(!answer.text.contains(":ping"))
    }

    @Test func crlfEndsEveryLineWithCRLF() async throws {
        let answer = try await stream(ServerProfile.named("crlf")!, until: Self.has(data: 1, comments: 1))
        let bytes = Array(answer.text.utf8)
        let lineFeeds = bytes.indices.filter { bytes[$0] == 10 }
        #expect(!lineFeeds.isEmpty && lineFeeds.allSatisfy { $0 > 0 && bytes[$0 - 1] == 13 })
        #expect(answer.text.contains(":ping\r\n\r\n") && answer.text.hasPrefix("data: {"))
        #expect(try firstMessage(answer).isDelta == false)
    }

    @Test func cutFramesArriveInWritesCutMidLine() async throws {
        let answer = try await stream(ServerProfile.named("cut-frames")!) { $0.text.hasPrefix("data: ") && $0.text.hasSuffix(":ping\n\n") }
        let pieces = answer.chunks.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(pieces.first == "da", "the first write ends inside `data:`: \(pieces.prefix(4))")
        #expect(pieces.count >= 8, "a data frame and a ping, four writes each")
        #expect(pieces.contains { !$0.hasSuffix("\n") && $0.contains("{") }, "a write ends inside the JSON line")
        #expect(try firstMessage(answer).isDelta == false)
    }

    @Test func multilineDataSpreadsOneMessageOverSeveralDataLines() async throws {
        let answer = try await stream(ServerProfile.named("multiline-data")!, until: Self.has(data: 1, comments: 0))
        let firstFrame = try #require(answer.text.components(separatedBy: "\n\n").first)
        let lines = firstFrame.components(separatedBy: "\n")
        #expect(lines.count >= 2 && lines.allSatisfy { $0.hasPrefix("data: ") }, "\(lines)")
        let message = try firstMessage(answer)
        #expect(message.isDelta == false && message.jobStatusList.count == 1)
    }

    @Test func splittingJSONCutsOnlyBetweenTokens() throws {
        let json = Array(#"{"a":"x,y\",z","b":[1,2],"c":{"d":3}}"#.utf8)
        let lines = EventStreamFraming.split(json, into: 4)
        #expect(lines.count >= 2)
        let joined = Data(lines.joined(separator: [10]))
        #expect(joined.count == json.count + lines.count - 1)
        #expect(try JSONSerialization.jsonObject(with: joined) as? [String: Any] != nil)
        #expect(lines.allSatisfy { $0.last == UInt8(ascii: ",") || $0 == lines.last! })
    }
}
