import Foundation
import Hummingbird
import ICWSWire

typealias FieldName = HTTPFields.Element.Name

extension FieldName {
    static let icwsSessionID = FieldName(ICWSProtocol.sessionIdHeader)!
    static let icwsCSRFToken = FieldName(ICWSProtocol.csrfTokenHeader)!
}

/// Answers in the ICWS wire format: JSON bodies in `application/vnd.inin.icws+json`, basic dates.
enum ICWSResponse {
    static let wwwAuthenticate = #"ICWS realm="ICWS" location="/ICWS/connection""#

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        guard let data = try? ICWSJSON.encode(value) else {
            return error(.internalServerError, errorId: "error.server.internal", message: "The answer could not be encoded.")
        }
        return raw(data, status: status, headers: headers)
    }

    /// A JSON body that is already encoded.
    static func raw(_ data: Data, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = ICWSProtocol.mediaType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func error(_ status: HTTPResponse.Status, errorId: String?, message: String, errorCode: Int? = nil,
                      propertyName: String? = nil, headers: HTTPFields = [:]) -> Response {
        json(ICWSErrorBody(errorId: errorId, message: message, errorCode: errorCode, propertyName: propertyName),
             status: status, headers: headers)
    }

    /// 400 for a bad property, query parameter or body.
    static func invalidProperty(_ name: String, _ message: String) -> Response {
        error(.badRequest, errorId: ICWSErrorID.invalidProperty, message: message, propertyName: name)
    }

    /// 401 with the `WWW-Authenticate` header every 401 must carry.
    static func unauthorized(code: Int, message: String) -> Response {
        error(.unauthorized, errorId: nil, message: message, errorCode: code,
              headers: [.wwwAuthenticate: wwwAuthenticate])
    }

    static let unknownSession = unauthorized(code: 1, message: "This request requires a session ID!")
    static let missingToken = unauthorized(
        code: 2, message: "An authentication token was expected in the request, but not found.")

    /// 503 of a server that is not accepting connections (switchover), naming the hosts to try.
    static func notAcceptingConnections(alternateHosts: [String]) -> Response {
        json(ICWSErrorBody(errorId: ICWSErrorID.notAcceptingConnections,
                           message: "This Session Manager is not currently accepting connections.",
                           alternateHostList: alternateHosts),
             status: .serviceUnavailable)
    }

    static func noContent() -> Response { Response(status: .noContent) }
}
