import Foundation

/// JSON coders configured for ICWS: dates parsed in basic or extended ISO form, emitted basic.
public enum ICWSJSON {
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ICWSDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date: \(text.prefix(40))")
            }
            return date
        }
        return decoder
    }

    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ICWSDate.basic(date))
        }
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decodeReportingWarnings(type, from: data).value
    }

    /// Decodes leniently and says what was left out: fields of the wrong type or with bad values
    /// (dropped), array elements that do not decode (skipped; a job needs at least its id), and
    /// invalid UTF-8 (replaced with U+FFFD rather than failing the whole body).
    public static func decodeReportingWarnings<T: Decodable>(_ type: T.Type, from data: Data) throws -> (value: T, warnings: [String]) {
        let warnings = DecodingWarnings()
        let decoder = decoder()
        decoder.userInfo[DecodingWarnings.userInfoKey] = warnings
        let repaired = repairingUTF8(data)
        if repaired.count != data.count || repaired != data { warnings.add("invalid UTF-8 in the answer, shown as \u{FFFD}") }
        let value = try decoder.decode(type, from: repaired)
        return (value, warnings.all)
    }

    /// `data` with every invalid UTF-8 sequence replaced by U+FFFD (the same bytes when valid).
    static func repairingUTF8(_ data: Data) -> Data {
        // Over the bytes at once (a page is hundreds of kilobytes; `Data`'s iterator goes byte by byte).
        let ascii = data.withUnsafeBytes { bytes in bytes.allSatisfy { $0 < 0x80 } }
        if ascii { return data }
        let text = String(decoding: data, as: UTF8.self)
        return text.utf8.elementsEqual(data) ? data : Data(text.utf8)
    }

    public static func encode<T: Encodable>(_ value: T) throws -> Data {
        try encoder().encode(value)
    }

    /// A one-line description of why a body did not decode, for error messages.
    public static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        let path = pathText
        switch error {
        case .keyNotFound(let key, let context): return "missing field '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context): return "wrong type at \(path(context.codingPath)): \(context.debugDescription)"
        case .valueNotFound(_, let context): return "null value at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "bad value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "undecodable JSON"
        }
    }

    /// `jobList.[3].jobStatus`; "top level" for the root.
    static func pathText(_ codingPath: [any CodingKey]) -> String {
        let p = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return p.isEmpty ? "top level" : p
    }
}
