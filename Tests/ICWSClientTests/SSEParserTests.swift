import Testing
@testable import ICWSClient

@Suite struct SSEParserTests {
    private func parse(_ chunks: [[UInt8]], limit: Int = SSEParser.defaultMaximumEventSize) throws -> (events: [SSEEvent], parser: SSEParser) {
        var parser = SSEParser(maximumEventSize: limit)
        var events: [SSEEvent] = []
        for chunk in chunks { events += try parser.feed(chunk) }
        return (events, parser)
    }

    private func parse(_ text: String) throws -> [SSEEvent] { try parse([Array(text.utf8)]).events }

    @Test func oneDataLineIsOneMessage() throws {
        #expect(try parse("data: {\"a\":1}\n\n") == [SSEEvent(type: "message", data: "{\"a\":1}")])
    }

    @Test func commentsAndPingsAreCountedNotDispatched() throws {
        let (events, parser) = try parse([Array(":ping\n\n: keep-alive\n\ndata: x\n\n".utf8)])
        #expect(events.map(\.data) == ["x"])
        #expect(parser.commentCount == 2)
    }

    @Test func multiLineDataIsJoinedWithNewlines() throws {
        #expect(try parse("data: [1,\ndata: 2]\n\n").map(\.data) == ["[1,\n2]"])
    }

    @Test func retryAndEventFieldsAreReadAndIdIsIgnored() throws {
        let (events, parser) = try parse([Array("retry: 2500\nid: 7\nevent: custom\ndata:no-space\n\ndata: y\n\n".utf8)])
        #expect(events == [SSEEvent(type: "custom", data: "no-space"),
                           SSEEvent(type: "message", data: "y")])
        #expect(parser.retryMilliseconds == 2500)
    }

    @Test func badRetryIsIgnoredAndEmptyDataEventsAreNotDispatched() throws {
        let (events, parser) = try parse([Array("retry: soon\n\nevent: x\n\n".utf8)])
        #expect(events.isEmpty)
        #expect(parser.retryMilliseconds == nil)
    }

    @Test func crlfAndCrLineEndings() throws {
        #expect(try parse("data: a\r\n\r\ndata: b\r\rdata: c\n\n").map(\.data) == ["a", "b", "c"])
    }

    @Test func crlfSplitAcrossChunksIsOneLineEnd() throws {
        let events = try parse([Array("data: a\r".utf8), Array("\n\r".utf8), Array("\ndata: b\n\n".utf8)]).events
        #expect(events.map(\.data) == ["a", "b"])
    }

    @Test func everySplitPointGivesTheSameEvents() throws {
        let text = Array(":ping\r\ndata: {\"name\":\"Überweisung 東京\"}\r\n\r\nid: 9\ndata: z\n\n".utf8)
        let whole = try parse([text]).events
        #expect(whole.count == 2)
        #expect(whole.first?.data == "{\"name\":\"Überweisung 東京\"}")
        for split in 1..<text.count {
            #expect(try parse([Array(text[..<split]), Array(text[split...])]).events == whole, "split at \(split)")
        }
        #expect(try parse(text.map { [$0] }).events == whole)
    }

    @Test func leadingByteOrderMarkIsSkipped() throws {
        #expect(try parse([[0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8)]).events.map(\.data) == ["x"])
    }

    @Test func unfinishedEventIsNotDispatched() throws {
        #expect(try parse("data: half").isEmpty)
        #expect(try parse("data: half\n").isEmpty)
    }

    @Test func endlessLineThrowsInsteadOfGrowing() {
        var parser = SSEParser(maximumEventSize: 64)
        #expect(throws: SSEParser.Overflow.self) {
            for _ in 0..<10 { _ = try parser.feed(Array(repeating: UInt8(ascii: "x"), count: 10)) }
        }
    }

    @Test func eventOfManyShortDataLinesThrows() {
        var parser = SSEParser(maximumEventSize: 64)
        #expect(throws: SSEParser.Overflow.self) {
            for _ in 0..<20 { _ = try parser.feed(Array("data: 0123456789\n".utf8)) }
        }
    }

    @Test func eventsUnderTheLimitKeepComingAndTheLimitIsPerEvent() throws {
        // Each event is well under 64 bytes; together they are far over it.
        let events = try parse([Array(String(repeating: "data: 0123456789\n\n", count: 50).utf8)], limit: 64).events
        #expect(events.count == 50)
    }

    @Test func overflowSaysWhy() {
        #expect("\(SSEParser.Overflow(limit: SSEParser.defaultMaximumEventSize))" == "an event on the stream exceeded 16 MiB")
    }
}
