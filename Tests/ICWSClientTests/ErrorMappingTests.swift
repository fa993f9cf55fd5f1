import Foundation
import ICWSWire
import NIOHTTP1
import Testing
@testable import ICWSClient

@Suite struct ErrorMappingTests {
    private func answer(_ status: Int, _ body: String, contentType: String = "application/vnd.inin.icws+json") -> HTTPAnswer {
        HTTPAnswer(status: status, headers: ["Content-Type": contentType], body: Data(body.utf8))
    }

    @Test func statusesMapToCases() {
        let body = #"{"errorId":"x.y","errorCode":7,"message":"Nope."}"#
        let expectations: [(Int, String)] = [
            (400, "badRequest"), (401, "authenticationFailed"), (403, "permissionDenied"), (404, "notFound"),
            (410, "gone"), (500, "serverError"), (502, "serverError"), (503, "unavailable"), (409, "badRequest"),
        ]
        for (status, name) in expectations {
            let error = answer(status, body).error
            #expect("\(error)" == "Nope.")
            #expect(String(describing: Mirror(reflecting: error).children.first?.label ?? "") == name, "status \(status)")
            #expect(error.serverInfo == ServerErrorInfo(status: status, errorId: "x.y", errorCode: 7, message: "Nope."))
        }
    }

    @Test func nonJSONAndEmptyBodiesGiveHTTPStatusText() {
        #expect(answer(500, "<html>boom</html>", contentType: "text/html").errorInfo.message == "HTTP 500 Internal Server Error")
        #expect(answer(502, "").errorInfo.message == "HTTP 502 Bad Gateway")
        #expect(answer(404, "{}").errorInfo.message == "HTTP 404 Not Found")
    }

    @Test func descriptionIsOneLine() {
        let error = ICWSError.serverError(ServerErrorInfo(status: 500, message: "line one\r\nline two\n"))
        #expect(error.description == "line one line two")
        let unavailable = ICWSError.unavailable(ServerErrorInfo(status: 503, message: "Not accepting."), triedHosts: ["a", "b"])
        #expect(unavailable.description == "Not accepting. (tried a, b)")
    }

    @Test func undecodableNamesTheFieldAndPath() {
        let body = #"{"jobs":[{"jobStatus":{"id":"1","name":"a"}}]}"#
        let error = #expect(throws: ICWSError.self) { try answer(200, body).decode(JobList.self, request: "GET jobs") }
        #expect(error?.description == "GET jobs: missing field 'jobList' at top level")
    }

    @Test func jsonMediaTypesInAnyCaseAreAccepted() throws {
        let body = #"{"id":"5"}"#
        for type in ["application/vnd.inin.icws+JSON;charset=utf-8", "Application/JSON", "application/json; charset=UTF-8"] {
            #expect(try answer(201, body, contentType: type).decode(JobCreated.self, request: "POST").id == "5")
        }
        #expect(throws: ICWSError.self) { try answer(200, body, contentType: "text/html").decode(JobCreated.self, request: "POST") }
    }

    @Test func missingCAFileFailsAtCreation() throws {
        var configuration = ICWSClientConfiguration(
            server: try ICWSServer(parsing: "cic01"), credentials: ICWSCredentials(user: "u", password: "p"))
        configuration.tls = TLSOptions(caFile: "/nonexistent/ca.pem")
        #expect(throws: ICWSError.self) { _ = try ICWSSession(configuration: configuration) }
    }

    @Test func sessionCookieIsFoundByPrefix() {
        let headers = ["other=1; Path=/", "icws_123=abc|languageId=en-us; Path=/icws/123; HttpOnly"]
        #expect(SessionCookie.pick(from: headers, sessionId: "123") == "icws_123=abc|languageId=en-us")
        #expect(SessionCookie.pick(from: ["other=1"], sessionId: "123") == nil)
    }

    @Test("a later Set-Cookie of the same name replaces the earlier one (RFC 6265); the session's own name wins")
    func laterSessionCookieWins() {
        let duplicate = ["icws_123=old; Path=/icws/123", "icws_123=new; Path=/icws/123"]
        #expect(SessionCookie.pick(from: duplicate, sessionId: "123") == "icws_123=new")
        let mixed = ["icws_123=mine", "icws_999=other"]
        #expect(SessionCookie.pick(from: mixed, sessionId: "123") == "icws_123=mine")
    }

    @Test func errorsMapToFailureKinds() {
        let ended = ServerErrorInfo(status: 400, errorId: "error.request.dataExtractor.jobAlreadyEnded", message: "ended")
        let unknown = ServerErrorInfo(status: 400, errorId: "error.request.dataExtractor.jobNotFound", message: "no such job")
        let plain = ServerErrorInfo(status: 500, message: "HTTP 500")
        #expect(ICWSError.badRequest(ended).failure == Failure(.alreadyEnded, "ended"))
        #expect(ICWSError.badRequest(unknown).failure.kind == .notFound)
        #expect(ICWSError.badRequest(plain).failure.kind == .badRequest)
        #expect(ICWSError.authenticationFailed(plain).failure.kind == .authentication)
        #expect(ICWSError.permissionDenied(plain).failure.kind == .permission)
        #expect(ICWSError.serverError(plain).failure.kind == .unavailable)
        #expect(ICWSError.transport("refused").failure.kind == .unavailable)
        #expect(ICWSError.timeout("late").failure.kind == .timeout)
        #expect(ICWSError.undecodable("junk").failure.kind == .undecodable)
        #expect(ICWSError.featureMissing("old").failure.kind == .featureMissing)
        #expect(ICWSError.invalidArgument("empty").failure.kind == .invalidArgument)
    }
}
