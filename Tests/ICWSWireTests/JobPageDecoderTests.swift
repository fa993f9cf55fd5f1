import Foundation
@testable import ICWSWire
import Testing

/// The fast page decoder gives exactly the Codable path's page whenever it gives one, and declines
/// (the Codable path then runs, with its warnings) on anything that path would not decode cleanly.
@Suite("Fast job page decoder")
struct JobPageDecoderTests {
    /// The fast page, after checking it against the Codable path: equal, and no warning there.
    static func agreedPage(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) -> JobList? {
        guard let fast = JobPageDecoder.jobList(from: data) else { return nil }
        let codable = try? ICWSJSON.decodeReportingWarnings(JobList.self, from: data)
        #expect(codable?.value == fast, sourceLocation: sourceLocation)
        #expect(codable?.warnings == [], sourceLocation: sourceLocation)
        return fast
    }

    static func page(_ jobs: String...) -> Data { Data(#"{"jobList":[\#(jobs.joined(separator: ","))]}"#.utf8) }

    /// The fixtures of pages, and those of a job or a status put in a page.
    @Test(arguments: [("jobs-all.json", "%"), ("jobs-status.json", "%"), ("jobs-configuration.json", "%"),
                      ("tolerance-missing-optional.json", "%"), ("tolerance-unknown-state.json", "%"),
                      ("job-all.json", #"{"jobList":[%]}"#), ("tolerance-unknown-fields.json", #"{"jobList":[%]}"#),
                      ("tolerance-extended-dates.json", #"{"jobList":[{"jobStatus":%}]}"#)])
    func theFixturePagesReadTheSame(name: String, wrapping: String) throws {
        let body = wrapping.replacingOccurrences(of: "%", with: try Fixture.text(name))
        let page = try #require(Self.agreedPage(Data(body.utf8)), "declined \(name)")
        #expect(!page.jobList.isEmpty)
    }

    @Test("escapes, UTF-8 names, numbers as ids, nulls, unknown fields, absent fields, both date forms")
    func anOddButCleanPageReadsTheSame() throws {
        let data = Self.page(
            #"{"jobStatus":{"id":42,"name":"Caf\u00e9 \ud83d\ude00 \"q\" \/ \b\f\n\r\t","submittedUserId":"jdoe","submittedUserSiteId":-3,"#
                + #""state":9,"submitTime":"20261128T101500Z","queuedTime":"2026-11-28T10:15:00.250Z","startedTime":"2026-11-28T11:15:00+01:00","#
                + #""finishedTime":null,"cancelUserId":null,"outputFolder":"C:\\Exports\\Nightly\\","errorInfo":"d\u00E9j\u00e0","x":[1,-2.5e+3,{"y":[true,false,null]}],"z":"\ud83d\ude00"},"#
                + #""jobConfig":{"id":"42","name":"Café 東京 😀","tables":{"tableList":[{"name":"T","column":[{"name":"a","w":0},{"name":"b"}]},"#
                + #"{"name":"U","dateTimeFilterColumn":"d","siteIdFilterColumn":null,"column":null},{"name":"V"}],"extra":{}},"#
                + #""views":{"viewList":[]},"siteIdFilters":[],"startTimeFilter":"20240301T000000Z","endTimeFilter":null,"__type":"x"}}"#,
            #" { "jobStatus" : { "id" : "0" , "state" : 0 } , "jobConfig" : null } "#,
            #"{"jobConfig":{"siteIdFilters":[{"name":"1"},{"name":"2","q":1}],"tables":null,"views":{"viewList":[{"name":"W","column":[]}]}}}"#,
            #"{}"#,
            #"{"jobStatus":null,"other":{"jobStatus":1}}"#
        )
        let page = try #require(Self.agreedPage(data))
        #expect(page.jobList.count == 5)
        let first = try #require(page.jobList.first)
        #expect(first.jobStatus?.id == "42")
        #expect(first.jobStatus?.name == "Café 😀 \"q\" / \u{8}\u{C}\n\r\t")
        #expect(first.jobStatus?.outputFolder == #"C:\Exports\Nightly\"#)
        #expect(first.jobStatus?.state == .unknown(9))
        #expect(first.jobConfig?.name == "Café 東京 😀")
        #expect(first.jobConfig?.viewConfigs == [] && first.jobConfig?.views != nil)
        #expect(first.jobConfig?.siteIdFilters == [])
    }

    /// Pages the fast path reads (and the Codable path reads the same, without warning): whitespace
    /// around and inside, unknown values of every kind, numbers at the edges of what it takes.
    @Test(arguments: [
        " \r\n\t{\"jobList\":[]}\n ",
        #"{"jobList":[],"x":1e400,"y":-0.0e-0,"z":[[[[{"a":[{}]}]]]],"w":"\ud83d\ude00\u00e9\\","v":{"jobList":1}}"#,
        #"{"jobList":[{"jobStatus":{"id":999999999999999999,"submittedUserSiteId":-999999999999999999,"state":0}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"a","submitTime":"2026-11-28T10:15:00,5Z","queuedTime":"20261128T1015Z","startedTime":"2026-11-28 10:15:00-05:30"}}]}"#,
        #"{"jobList":[{"jobStatus":{"\u0069d":"a","n\u0061me":"b"}}]}"#,
    ])
    func cleanVariantsReadTheSame(body: String) throws {
        _ = try #require(Self.agreedPage(Data(body.utf8)), "declined \(body)")
    }

    /// Each decodes with a warning, or not at all, on the Codable path: the fast path declines, and
    /// `decodeJobList` gives the Codable result (its warnings or its error).
    @Test(arguments: [
        #"{"jobList":[{"jobStatus":{"id":"b","submittedUserSiteId":"one"}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b","state":"2"}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b","name":5}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b","submitTime":"yesterday"}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b","submitTime":"20261131T000000Z"}}]}"#,
        #"{"jobList":[{"jobStatus":{"name":"no id"}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":null}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":true}}]}"#,
        #"{"jobList":[{"jobStatus":"b"}]}"#,
        #"{"jobList":[1,{"jobStatus":{"id":"c"}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":12345678901234567890}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b","submittedUserSiteId":9999999999999999999}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":-99999999999999999999999}}]}"#,
        #"{"jobList":[{"jobConfig":{"id":42}}]}"#,
        #"{"jobList":[{"jobConfig":{"tables":{}}}]}"#,
        #"{"jobList":[{"jobConfig":{"tables":{"tableList":null}}}]}"#,
        #"{"jobList":[{"jobConfig":{"tables":[]}}]}"#,
        #"{"jobList":[{"jobConfig":{"views":{"viewList":[{"column":[]}]}}}]}"#,
        #"{"jobList":[{"jobConfig":{"tables":{"tableList":[{"name":"T","column":[{}]}]}}}]}"#,
        #"{"jobList":[{"jobConfig":{"siteIdFilters":["1"]}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b"}}]}x"#,
        #"{"jobList":[{"jobStatus":{"id":"b"}}"#,
        #"{"jobList":null}"#,
        #"{"jobs":[]}"#,
        #"[]"#,
        "",
    ])
    func declinedPagesTheCodablePathWarnsAbout(body: String) throws {
        let data = Data(body.utf8)
        try Self.expectDeclined(data)
        switch Result(catching: { try ICWSJSON.decodeJobList(from: data) }) {
        case .success(let page): #expect(!page.warnings.isEmpty, "the Codable path read it cleanly: \(body)")
        case .failure: break
        }
    }

    /// Pages the Codable path may read without a warning but the fast path does not take on
    /// (a key twice, a number written as a fraction or exponent, `-0`, a lone surrogate, NUL, a
    /// comma before `]`): it
    /// declines them rather than guess which reading the Codable path makes.
    @Test(arguments: [
        #"{"jobList":[{"jobStatus":{"id":"a","id":"b"}}]}"#,
        #"{"jobList":[],"jobList":[{"jobStatus":{"id":"b"}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b","state":2.0}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":1e3}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":-0}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b","name":"\ud800"}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b","name":"\u0000"}}]}"#,
        #"{"jobList":[{"jobStatus":{"id":"b"}},]}"#,
    ])
    func declinedPagesOnlyTheFastPathRefuses(body: String) throws {
        try Self.expectDeclined(Data(body.utf8))
    }

    /// A lone continuation byte, a truncated sequence, an overlong form, a surrogate, a byte no
    /// UTF-8 has, a scalar past U+10FFFF.
    @Test(arguments: [[0x80], [0xC3], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80],
                      [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] as [[UInt8]])
    func invalidUTF8IsDeclinedAndRepairedWithAWarning(bytes: [UInt8]) throws {
        var data = Data(#"{"jobList":[{"jobStatus":{"id":"b","name":"caf?"}}]}"#.utf8)
        let mark = try #require(data.firstIndex(of: UInt8(ascii: "?")))
        data.replaceSubrange(mark...mark, with: bytes)
        let warnings = try Self.expectDeclined(data)
        #expect(warnings.contains("invalid UTF-8 in the answer, shown as \u{FFFD}"))
    }

    /// The fast path declines `data`; returns the warnings `decodeJobList` then gives (the Codable path's).
    @discardableResult
    static func expectDeclined(_ data: Data, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        #expect(JobPageDecoder.jobList(from: data) == nil, "\(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
        return (try? ICWSJSON.decodeJobList(from: data).warnings) ?? []
    }

    /// Jobs whose data set lists have the same bytes share one array (a series' jobs extract the
    /// same tables); a list with other bytes, or the same bytes under the other key, has its own.
    @Test func equalDataSetListsAreOneArray() throws {
        let tables = #"{"tableList":[{"name":"T","column":[{"name":"a"}]}]}"#
        let views = #"{"viewList":[{"name":"T","column":[{"name":"a"}]}]}"#
        func job(_ id: Int, tables: String, views: String) -> String {
            #"{"jobStatus":{"id":"\#(id)"},"jobConfig":{"id":"\#(id)","tables":\#(tables),"views":\#(views)}}"#
        }
        let page = try #require(Self.agreedPage(Self.page(
            job(1, tables: tables, views: views), job(2, tables: tables, views: views),
            job(3, tables: #"{"tableList":[{"name":"T","column":[{"name":"b"}]}]}"#, views: views))))
        func buffer(_ sets: [DataSetConfig]?) -> UnsafeRawPointer? { sets?.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        let configs = page.jobList.map(\.jobConfig)
        #expect(buffer(configs[0]?.tableConfigs) == buffer(configs[1]?.tableConfigs))
        #expect(buffer(configs[0]?.viewConfigs) == buffer(configs[2]?.viewConfigs))
        #expect(buffer(configs[0]?.tableConfigs) != buffer(configs[2]?.tableConfigs))
        #expect(configs[2]?.tableConfigs.first?.column == [ColumnRef(name: "b")])
        #expect(configs[0]?.viewConfigs == configs[0]?.tableConfigs)
        #expect(buffer(configs[0]?.viewConfigs) != buffer(configs[0]?.tableConfigs))
    }
}
