import Foundation
@testable import ICWSClient
import ICWSWire
import Testing

/// Feeds the golden SSE capture (`Tests/ICWSWireTests/Fixtures/sse-jobstatus.txt`: `:ping`
/// comments, `retry:`/`id:`/`event:` fields, LF and CRLF lines, a payload split over two `data:`
/// lines) to the client's parser in chunks of every awkward size.
@Suite("SSE parser against the golden capture")
struct SSEFixtureTests {
    static let capture: [UInt8] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("ICWSWireTests/Fixtures/sse-jobstatus.txt")
        return Array((try? Data(contentsOf: url)) ?? Data())
    }()

    /// Parses the capture fed in `chunkSize`-byte pieces.
    private func parse(chunkSize: Int) throws -> (events: [SSEEvent], parser: SSEParser) {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        var start = 0
        while start < Self.capture.count {
            let end = min(start + chunkSize, Self.capture.count)
            events += try parser.feed(Self.capture[start..<end])
            start = end
        }
        return (events, parser)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 13, 64, 509, Int.max])
    func everyChunkSizeGivesTheSameEvents(chunkSize: Int) throws {
        #expect(Self.capture.count > 1000)
        let (events, parser) = try parse(chunkSize: chunkSize)
        #expect(events.count == 5)
        #expect(events.allSatisfy { $0.type == "message" })
        #expect(parser.commentCount == 3)
        #expect(parser.retryMilliseconds == 5000)

        let messages = try events.map { try ICWSJSON.decode(ICWSMessage.self, from: Data($0.data.utf8)) }
        let states: [JobState?] = messages.map {
            if case .jobStatus(let m) = $0 { m.jobStatusList.first?.state } else { nil }
        }
        #expect(states == [.queued, .started, .finished, nil, .canceled])
        #expect(messages[3] == .subscriptionState(SubscriptionStateMessage(state: .normal)))
        #expect(events[2].data.contains("\n"), "the split payload is joined with a newline")
    }

    @Test func everySplitPointGivesTheSameEvents() throws {
        let whole = try parse(chunkSize: Int.max).events
        for split in 1..<Self.capture.count {
            var parser = SSEParser()
            let events = try parser.feed(Self.capture[..<split]) + parser.feed(Self.capture[split...])
            #expect(events == whole, "split at byte \(split)")
            if events != whole { break }
        }
    }

    @Test func messageDecodingReadsEachPayload() throws {
        for event in try parse(chunkSize: 7).events {
            let outcome = MessageDecoding.decode(Data(event.data.utf8))
            #expect(outcome.messages.count == 1)
            #expect(outcome.problems.isEmpty && outcome.unreadable == nil)
        }
    }
}
