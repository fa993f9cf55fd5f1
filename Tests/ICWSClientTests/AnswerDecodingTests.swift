import Foundation
import ICWSWire
import NIOHTTP1
import Testing
@testable import ICWSClient

/// Reading 2xx answers whose bodies are incomplete: the login's token fallback, an empty job.
@Suite struct AnswerDecodingTests {
    private func answer(_ status: Int, _ body: String, headers: [(String, String)] = []) -> HTTPAnswer {
        var all = HTTPHeaders([("Content-Type", ICWSProtocol.mediaType)])
        all.add(contentsOf: headers)
        return HTTPAnswer(status: status, headers: all, body: Data(body.utf8))
    }

    private let tokenHeaders = [(ICWSProtocol.sessionIdHeader, "777"), (ICWSProtocol.csrfTokenHeader, "csrf-from-header"),
                                ("Set-Cookie", "icws_777=abc; Path=/icws/777; HttpOnly")]

    @Test func loginTokensComeFromTheBodyFirst() throws {
        let login = try LoginAnswer(answer(201, #"{"csrfToken":"c","sessionId":"1","userID":"u"}"#, headers: tokenHeaders),
                                    request: "login")
        #expect(login.sessionId == "1")
        #expect(login.csrfToken == "c")
        #expect(login.userID == "u")
    }

    @Test func loginTokensMissingFromTheBodyComeFromTheHeaders() throws {
        let login = try LoginAnswer(answer(201, #"{"features":[{"featureId":"data-extractor","version":2}]}"#, headers: tokenHeaders),
                                    request: "login")
        #expect(login.sessionId == "777")
        #expect(login.csrfToken == "csrf-from-header")
        #expect(login.cookie == "icws_777=abc")
        #expect(login.features == [FeatureInfo(featureId: "data-extractor", version: 2)])
        let empty = try LoginAnswer(answer(201, #"{"csrfToken":"","sessionId":""}"#, headers: tokenHeaders), request: "login")
        #expect(empty.sessionId == "777" && empty.csrfToken == "csrf-from-header", "empty body values fall back too")
    }

    @Test func loginTokenMissingEverywhereIsUndecodable() {
        let noSession = #expect(throws: ICWSError.self) {
            try LoginAnswer(answer(201, #"{"csrfToken":"c"}"#), request: "login to cic01")
        }
        #expect(noSession?.description == "login to cic01: no session id in the answer (neither in the body nor in ININ-ICWS-Session-ID)")
        let noToken = #expect(throws: ICWSError.self) {
            try LoginAnswer(answer(201, #"{"sessionId":"1"}"#, headers: [(ICWSProtocol.sessionIdHeader, "1")]), request: "login")
        }
        #expect(noToken?.description == "login: no CSRF token in the answer (neither in the body nor in ININ-ICWS-CSRF-Token)")
    }

    @Test func jobAnswerWithNeitherHalfIsUndecodable() throws {
        let error = #expect(throws: ICWSError.self) { try ICWSSession.decodeJob(answer(200, "{}"), id: "42") }
        guard case .undecodable(let message)? = error else {
            Issue.record("expected undecodable, got \(String(describing: error))")
            return
        }
        #expect(message == "GET data-extractor/jobs/42: no job in the answer (neither jobStatus nor jobConfig)")
        let config = try ICWSSession.decodeJob(answer(200, #"{"jobConfig":{"id":"42","name":"n","submittedUserId":"u"}}"#), id: "42")
        #expect(config.id == "42")
    }

    /// A page of jobs goes through `ICWSJSON.decodeJobList`: a clean page fast, a page with a bad
    /// field by the Codable path with its warning, a malformed one as undecodable.
    @Test func aJobPageKeepsItsWarningsAndErrors() throws {
        let request = "GET data-extractor/jobs"
        let cleanBody = #"{"jobList":[{"jobStatus":{"id":7,"name":"n","state":5}}]}"#
        #expect(JobPageDecoder.jobList(from: Data(cleanBody.utf8)) != nil, "the fast path reads it")
        let clean = try answer(200, cleanBody).decodeJobList(request: request)
        #expect(clean.value.jobList.map(\.id) == ["7"] && clean.warnings.isEmpty)
        let odd = try answer(200, #"{"jobList":[{"jobStatus":{"id":"a","state":"5"}},{"jobStatus":{"id":"b"}}]}"#).decodeJobList(request: request)
        #expect(odd.value.jobList.map(\.id) == ["a", "b"])
        #expect(odd.warnings.count == 1 && odd.warnings.first?.hasPrefix("job a: ignored 'state'") == true, "\(odd.warnings)")
        let error = #expect(throws: ICWSError.self) { try answer(200, #"{"jobList":["#).decodeJobList(request: request) }
        #expect(error?.description == "GET data-extractor/jobs: malformed JSON")
    }

    @Test func errorBodyIsDecodedOnceAtCreation() {
        let refused = answer(503, #"{"message":"busy","alternateHostList":["b"]}"#)
        #expect(refused.errorBody?.alternateHostList == ["b"])
        #expect(refused.alternateHosts == ["b"])
        #expect(refused.errorInfo.message == "busy")
        #expect(answer(200, #"{"message":"fine"}"#).errorBody == nil, "a success has no error body")
    }
}
