import Foundation
import ICWSWire
import Testing

@Suite("ICWSProtocol and ICWSPath")
struct ProtocolTests {
    @Test(arguments: [
        ("application/vnd.inin.icws+json", true),
        ("application/vnd.inin.icws+JSON", true),
        ("Application/Vnd.Inin.Icws+Json; charset=utf-8", true),
        ("application/vnd.inin.icws+json;charset=utf-8", true),
        ("application/json", true),
        ("APPLICATION/JSON;charset=UTF-8", true),
        (" application/json ; charset=utf-8", true),
        ("text/html", false),
        ("text/event-stream", false),
        ("application/jsonp", false),
        ("application/vnd.inin.icws+xml", false),
        ("", false),
    ])
    func isJSON(contentType: String, expected: Bool) {
        #expect(ICWSProtocol.isJSON(contentType: contentType) == expected, "\(contentType)")
    }

    @Test func missingContentTypeIsNotJSON() {
        #expect(ICWSProtocol.isJSON(contentType: nil) == false)
    }

    @Test func pathsUseTheSessionAndJobIds() {
        #expect(ICWSPath.jobs("54613001") == "/icws/54613001/data-extractor/jobs")
        #expect(ICWSPath.job("54613001", "1042") == "/icws/54613001/data-extractor/jobs/1042")
        #expect(ICWSPath.sessionConnection("1") == "/icws/1/connection")
        #expect(ICWSPath.jobStatusSubscription("1") == "/icws/1/messaging/subscriptions/data-extractor/jobs-statuses")
        #expect(ICWSPath.messages("1") == "/icws/1/messaging/messages")
        #expect(ICWSPath.heartbeat("1") == "/icws/1/messaging/heartbeat")
        #expect(ICWSPath.connection == "/icws/connection")
        #expect(ICWSPath.features == "/icws/connection/features")
        #expect(ICWSPath.version == "/icws/connection/version")
    }

    @Test(arguments: [
        ("1042", "1042"),
        ("a-b_c.d~e", "a-b_c.d~e"),
        ("../etc", "..%2Fetc"),
        ("a/b", "a%2Fb"),
        ("a b", "a%20b"),
        ("a?x=1#f", "a%3Fx%3D1%23f"),
        ("100%", "100%25"),
        ("a+b;c", "a%2Bb%3Bc"),
        ("é", "%C3%A9"),
        ("夜", "%E5%A4%9C"),
    ])
    func segmentsArePercentEncoded(raw: String, encoded: String) {
        #expect(ICWSPath.segment(raw) == encoded)
        #expect(ICWSPath.job("s", raw) == "/icws/s/data-extractor/jobs/\(encoded)")
        #expect(encoded.removingPercentEncoding == raw)
    }

    @Test func unreservedIsExactlyTheASCIISetOfRFC3986() {
        let expected = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".unicodeScalars)
        for value in UInt32(0)..<0x250 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(ICWSPath.unreserved.contains(scalar) == expected.contains(scalar), "U+\(String(value, radix: 16))")
        }
    }
}
