import Foundation
import Hummingbird
import ICWSWire

/// Reading ICWS requests: JSON bodies (ICWS or plain JSON media type), query numbers, cookies.
extension Request {
    /// Largest body the simulator reads.
    static let maximumBodySize = 1 << 20

    /// Decodes a JSON body, or answers why not: 415 for another media type, 400 for a missing or
    /// malformed body.
    func decodeBody<T: Decodable>(_ type: T.Type) async -> Result<T, ResponseError> {
        if let contentType = headers[.contentType], !ICWSProtocol.isJSON(contentType: contentType) {
            return .failure(ResponseError(ICWSResponse.error(
                .unsupportedMediaType, errorId: "error.request.unsupportedMediaType",
                message: "Send the body as \(ICWSProtocol.mediaType) or application/json.")))
        }
        var buffer: ByteBuffer
        do {
            buffer = try await body.collect(upTo: Self.maximumBodySize)
        } catch {
            return .failure(ResponseError(ICWSResponse.error(.contentTooLarge, errorId: "error.request.tooLarge",
                                                              message: "The request body is too large.")))
        }
        let data = Data(buffer.readBytes(length: buffer.readableBytes) ?? [])
        guard !data.isEmpty else {
            return .failure(ResponseError(ICWSResponse.error(
                .badRequest, errorId: "error.request.invalidRepresentation", message: "A request body is required.")))
        }
        do {
            return .success(try ICWSJSON.decode(type, from: data))
        } catch {
            return .failure(ResponseError(ICWSResponse.error(
                .badRequest, errorId: "error.request.invalidRepresentation",
                message: "The request body is not valid: \(ICWSJSON.describe(error)).")))
        }
    }

    /// Every `Cookie` header value.
    var cookieHeaders: [String] { headers[values: .cookie] }

    /// A query parameter, if present.
    func query(_ name: String) -> String? {
        uri.queryParameters.get(name)
    }
}

/// A ready answer carried as an error, for early exits in handlers.
struct ResponseError: Error {
    let response: Response
    init(_ response: Response) { self.response = response }
}
