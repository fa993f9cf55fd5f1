import Foundation
import ICWSWire
import Testing

/// The fields of a server-sent event stream, read line by line (LF or CRLF), as the SSE spec does.
struct CapturedEvents {
    var dataPayloads: [String] = []
    var comments: [String] = []
    var otherFields: [String: [String]] = [:]

    init(_ text: String) {
        var data: [String] = []
        // "\r\n" is one Character in Swift, so splitting on newline characters handles LF, CRLF and CR.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.isEmpty {
                if !data.isEmpty { dataPayloads.append(data.joined(separator: "\n")) }
                data = []
            } else if line.hasPrefix(":") {
                comments.append(String(line.dropFirst()))
            } else {
                let (field, value) = Self.split(line)
                if field == "data" { data.append(value) } else { otherFields[field, default: []].append(value) }
            }
        }
    }

    private static func split(_ line: Substring) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (String(line), "") }
        var value = line[line.index(after: colon)...]
        if value.hasPrefix(" ") { value = value.dropFirst() }
        return (String(line[..<colon]), String(value))
    }
}

@Suite("SSE capture")
struct SSECaptureTests {
    @Test func captureMixesLineEndingsPingsAndFields() throws {
        let text = try Fixture.text("sse-jobstatus.txt")
        #expect(text.contains("\r\n"))
        #expect(text.contains(":ping\n"))
        let events = CapturedEvents(text)
        #expect(events.comments == ["ping", "ping", "ping"])
        #expect(events.otherFields == ["retry": ["5000"], "id": ["2"], "event": ["message"]])
        #expect(events.dataPayloads.count == 5)
    }

    @Test func everyDataPayloadIsOneICWSMessage() throws {
        let events = CapturedEvents(try Fixture.text("sse-jobstatus.txt"))
        let messages = try events.dataPayloads.map { try ICWSJSON.decode(ICWSMessage.self, from: Data($0.utf8)) }
        let statuses: [(Bool, String, JobState?)] = messages.compactMap {
            guard case .jobStatus(let m) = $0, let s = m.jobStatusList.first else { return nil }
            return (m.isDelta, s.id, s.state)
        }
        #expect(statuses.map(\.0) == [false, true, true, true])
        #expect(statuses.map(\.1) == ["1042", "1042", "1042", "1043"])
        #expect(statuses.map(\.2) == [.queued, .started, .finished, .canceled])
        #expect(messages[3] == .subscriptionState(SubscriptionStateMessage(state: .normal)))
    }

    @Test func deltasFromTheStreamFoldIntoTheFirstFullStatus() throws {
        let events = CapturedEvents(try Fixture.text("sse-jobstatus.txt"))
        let lists = try events.dataPayloads.compactMap { payload -> JobStatusMessage? in
            guard case .jobStatus(let m) = try ICWSJSON.decode(ICWSMessage.self, from: Data(payload.utf8)) else { return nil }
            return m
        }
        var job = try #require(lists.first?.jobStatusList.first)
        for message in lists.dropFirst() {
            for delta in message.jobStatusList where delta.id == job.id { job = job.merging(delta: delta) }
        }
        #expect(job.state == .finished)
        #expect(job.submitTime == utc(2026, 11, 28, 10, 15, 0))
        #expect(job.startedTime == utc(2026, 11, 28, 10, 15, 10))
        #expect(job.finishedTime == utc(2026, 11, 28, 10, 45, 1))
        #expect(job.endTime == utc(2026, 11, 28, 10, 45, 1))
    }
}
