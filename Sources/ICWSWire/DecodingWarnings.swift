import Foundation

/// What a lenient decode left out: one line per field or element that did not decode. Collected
/// through the decoder's `userInfo`, so a page of jobs keeps its good jobs and says what it dropped.
public final class DecodingWarnings: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    /// Most lines kept (a hostile page could otherwise make one per element).
    public static let limit = 100

    public init() {}

    public var all: [String] { lock.withLock { lines } }

    func add(_ line: String) {
        lock.withLock { if lines.count < Self.limit { lines.append(line) } }
    }

    static let userInfoKey = CodingUserInfoKey(rawValue: "dxtop.decodingWarnings")!
}

extension Decoder {
    /// Records a warning when the decoder collects them (`ICWSJSON.decodeReportingWarnings`).
    func warn(_ line: String) {
        (userInfo[DecodingWarnings.userInfoKey] as? DecodingWarnings)?.add(line)
    }

    /// The path of this value, as `ICWSJSON.describe` writes it (`jobList.[3].jobStatus`).
    var pathText: String { ICWSJSON.pathText(codingPath) }
}

extension KeyedDecodingContainer {
    /// An optional field that does not spoil its object: a wrong type or bad value is dropped
    /// (nil) with a warning naming the field and `owner` (e.g. "job 42").
    func lenient<T: Decodable>(_ type: T.Type, forKey key: Key, owner: @autoclosure () -> String, decoder: any Decoder) -> T? {
        do {
            return try decodeIfPresent(type, forKey: key)
        } catch {
            decoder.warn("\(owner()): ignored '\(key.stringValue)' (\(ICWSJSON.describe(error)))")
            return nil
        }
    }
}

/// An array element decoded without failing the array: nil (with a warning) when it does not.
struct LenientElement<T: Decodable>: Decodable {
    let value: T?

    init(from decoder: any Decoder) throws {
        do {
            value = try T(from: decoder)
        } catch {
            value = nil
            decoder.warn("skipped \(decoder.pathText) (\(ICWSJSON.describe(error)))")
        }
    }
}

extension KeyedDecodingContainer {
    /// An array whose undecodable elements are skipped with a warning each.
    func lenientArray<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> [T]? {
        try decodeIfPresent([LenientElement<T>].self, forKey: key).map { $0.compactMap(\.value) }
    }
}
