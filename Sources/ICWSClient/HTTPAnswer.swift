import Foundation
import ICWSWire
import NIOHTTP1

/// A complete HTTP answer: status, headers and the collected body.
struct HTTPAnswer: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: Data
    /// The ICWS error body of a non-2xx answer, decoded once; nil when there is none.
    let errorBody: ICWSErrorBody?
    /// Takes the session's secrets out of every server text this answer puts in an error.
    let redaction: Redaction?

    init(status: Int, headers: HTTPHeaders, body: Data, redaction: Redaction? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.redaction = redaction
        errorBody = (200..<300).contains(status) ? nil : try? ICWSJSON.decode(ICWSErrorBody.self, from: body)
    }

    var isSuccess: Bool { (200..<300).contains(status) }

    /// The error body as the server sent it (secrets redacted); "HTTP 502 Bad Gateway" text when
    /// it is not an ICWS error body (an HTML page from a proxy, say).
    var errorInfo: ServerErrorInfo {
        var message = errorBody?.message ?? ""
        if message.isEmpty { message = "HTTP \(status) \(HTTPResponseStatus(statusCode: status).reasonPhrase)" }
        return ServerErrorInfo(status: status, errorId: errorBody?.errorId.map(redacted), errorCode: errorBody?.errorCode,
                               message: redacted(message))
    }

    /// Server text without the session's secrets.
    func redacted(_ text: String) -> String { redaction?.redact(text) ?? text }

    /// The alternate hosts of a 503 answer, as the server wrote them (not yet validated).
    var alternateHosts: [String] { errorBody?.alternateHostList ?? [] }

    /// The error for a non-2xx answer (401 counts as an authentication failure once retries are spent).
    var error: ICWSError {
        let info = errorInfo
        switch status {
        case 401: return .authenticationFailed(info)
        case 403: return .permissionDenied(info)
        case 404: return .notFound(info)
        case 410: return .gone(info)
        case 503: return .unavailable(info, triedHosts: [])
        case 500..<600: return .serverError(info)
        default: return .badRequest(info)
        }
    }

    /// Decodes a 2xx JSON body; a wrong media type or shape becomes `.undecodable` naming the request.
    func decode<T: Decodable>(_ type: T.Type, request: String) throws -> T {
        try decodeReportingWarnings(type, request: request).value
    }

    /// `decode`, with what the lenient decoding left out (see `ICWSJSON.decodeReportingWarnings`).
    func decodeReportingWarnings<T: Decodable>(_ type: T.Type, request: String) throws -> (value: T, warnings: [String]) {
        try decodeReportingWarnings(request: request) { try ICWSJSON.decodeReportingWarnings(type, from: $0) }
    }

    /// A page of jobs, through `ICWSJSON.decodeJobList` (its fast path first).
    func decodeJobList(request: String) throws -> (value: JobList, warnings: [String]) {
        try decodeReportingWarnings(request: request, using: ICWSJSON.decodeJobList(from:))
    }

    private func decodeReportingWarnings<T>(request: String, using decode: (Data) throws -> (value: T, warnings: [String])) throws -> (value: T, warnings: [String]) {
        let contentType = headers.first(name: "Content-Type")
        if let contentType, !ICWSProtocol.isJSON(contentType: contentType) {
            throw ICWSError.undecodable("\(request): expected JSON, got content type '\(VisibleText.ascii(contentType, limit: 60))'")
        }
        do {
            let decoded = try decode(body)
            return (decoded.value, decoded.warnings.map(redacted))
        } catch {
            throw ICWSError.undecodable(redacted("\(request): \(ICWSJSON.describe(error))"))
        }
    }
}
