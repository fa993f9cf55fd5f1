import Testing
@testable import ICWSClient

@Suite struct SSEParserTests {
    private func parse(_ chunks: [[UInt8]]) -> (events: [SSEEvent], parser: SSEParser) {
        var parser = SSEParser()
        var events: [SSEEvent] = []
        for chunk in chunks { events += parser.feed(chunk) }
        return (events, parser)
    }

    private func parse(_ text: String) -> [SSEEvent] { parse([Array(text.utf8)]).events }

    @Test func oneDataLineIsOneMessage() {
        #expect(parse("data: {\"a\":1}\n\n") == [SSEEvent(type: "message", data: "{\"a\":1}", lastEventId: nil)])
    }

    @Test func commentsAndPingsAreCountedNotDispatched() {
        let (events, parser) = parse([Array(":ping\n\n: keep-alive\n\ndata: x\n\n".utf8)])
        #expect(events.map(\.data) == ["x"])
        #expect(parser.commentCount == 2)
    }

    @Test func multiLineDataIsJoinedWithNewlines() {
        #expect(parse("data: [1,\ndata: 2]\n\n").map(\.data) == ["[1,\n2]"])
    }

    @Test func eventIdAndRetryFields() {
        let (events, parser) = parse([Array("retry: 2500\nid: 7\nevent: custom\ndata:no-space\n\ndata: y\n\n".utf8)])
        #expect(events == [SSEEvent(type: "custom", data: "no-space", lastEventId: "7"),
                           SSEEvent(type: "message", data: "y", lastEventId: "7")])
        #expect(parser.retryMilliseconds == 2500)
    }

    @Test func badRetryIsIgnoredAndEmptyDataEventsAreNotDispatched() {
        let (events, parser) = parse([Array("retry: soon\n\nevent: x\n\n".utf8)])
        #expect(events.isEmpty)
        #expect(parser.retryMilliseconds == nil)
    }

    @Test func crlfAndCrLineEndings() {
        #expect(parse("data: a\r\n\r\ndata: b\r\rdata: c\n\n").map(\.data) == ["a", "b", "c"])
    }

    @Test func crlfSplitAcrossChunksIsOneLineEnd() {
        let events = parse([Array("data: a\r".utf8), Array("\n\r".utf8), Array("\ndata: b\n\n".utf8)]).events
        #expect(events.map(\.data) == ["a", "b"])
    }

    @Test func everySplitPointGivesTheSameEvents() {
        let text = Array(":ping\r\ndata: {\"name\":\"Überweisung 東京\"}\r\n\r\nid: 9\ndata: z\n\n".utf8)
        let whole = parse([text]).events
        #expect(whole.count == 2)
        #expect(whole.first?.data == "{\"name\":\"Überweisung 東京\"}")
        for split in 1..<text.count {
            #expect(parse([Array(text[..<split]), Array(text[split...])]).events == whole, "split at \(split)")
        }
        #expect(parse(text.map { [$0] }).events == whole)
    }

    @Test func leadingByteOrderMarkIsSkipped() {
        #expect(parse([[0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8)]).events.map(\.data) == ["x"])
    }

    @Test func unfinishedEventIsNotDispatched() {
        #expect(parse("data: half").isEmpty)
        #expect(parse("data: half\n").isEmpty)
    }
}
