import Foundation

/// A parsed JSON value that keeps booleans, integers and other numbers apart.
enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), integer(Int), number(Double), string(String)
    case array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .integer(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    /// What kind of value this is; a string in the basic ICWS date form is its own kind.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .integer: "integer"
        case .number: "number"
        case .string(let s): s.wholeMatch(of: /\d{8}T\d{6}Z/) != nil ? "basic date" : "string"
        case .array: "array"
        case .object: "object"
        }
    }

    var objectValue: [String: JSONValue]? { if case .object(let o) = self { o } else { nil } }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    var typeName: String? { if case .string(let t)? = objectValue?["__type"] { t } else { nil } }
}

/// Checks that a JSON answer has the shape of golden fixtures: same value kinds, no key the
/// fixtures lack, every key the fixtures always have (unless listed optional), and `__type`
/// values the fixtures know. Array elements are checked against every fixture element of the
/// same `__type` (or all elements when they carry none), so several fixtures can together
/// describe one object kind.
struct JSONShape {
    /// Keys that may be absent even though every fixture has them (optional in the ICWS contract).
    var optionalKeys: Set<String>

    /// Nil when `actual` fits, else the first difference as one line: `path: what`.
    func mismatch(_ actual: JSONValue, _ fixtures: [JSONValue]) -> String? {
        compare(actual, fixtures, path: "$")
    }

    private func compare(_ actual: JSONValue, _ fixtures: [JSONValue], path: String) -> String? {
        guard let expectedKind = fixtures.first?.kind else { return "\(path): no fixture value to compare with" }
        if let other = fixtures.first(where: { $0.kind != expectedKind }) {
            return "\(path): fixtures disagree (\(expectedKind) vs \(other.kind))"
        }
        guard actual.kind == expectedKind else {
            return "\(path): expected \(expectedKind), got \(actual.kind) \(preview(actual))"
        }
        switch actual {
        case .object(let object): return compareObject(object, fixtures.compactMap(\.objectValue), path: path)
        case .array(let elements): return compareArray(elements, fixtures.flatMap { $0.arrayValue ?? [] }, path: path)
        default: return nil
        }
    }

    private func compareObject(_ actual: [String: JSONValue], _ fixtures: [[String: JSONValue]], path: String) -> String? {
        let known = fixtures.reduce(into: Set<String>()) { $0.formUnion($1.keys) }
        let always = fixtures.dropFirst().reduce(Set(fixtures[0].keys)) { $0.intersection($1.keys) }
        if let extra = actual.keys.sorted().first(where: { !known.contains($0) }) {
            return "\(path): unexpected key '\(extra)'"
        }
        if let missing = always.subtracting(optionalKeys).sorted().first(where: { actual[$0] == nil }) {
            return "\(path): missing key '\(missing)'"
        }
        if let type = actual["__type"], !fixtures.contains(where: { $0["__type"] == type }) {
            return "\(path).__type: unknown value \(preview(type))"
        }
        for key in actual.keys.sorted() {
            if let difference = compare(actual[key]!, fixtures.compactMap { $0[key] }, path: "\(path).\(key)") {
                return difference
            }
        }
        return nil
    }

    private func compareArray(_ actual: [JSONValue], _ fixtures: [JSONValue], path: String) -> String? {
        for (index, element) in actual.enumerated() {
            var templates = fixtures
            if let type = element.typeName {
                templates = fixtures.filter { $0.typeName == type }
                if templates.isEmpty { return "\(path)[\(index)].__type: no fixture of type '\(type)'" }
            }
            if let difference = compare(element, templates, path: "\(path)[\(index)]") { return difference }
        }
        return nil
    }

    private func preview(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): "\"\(s.prefix(40))\""
        case .integer(let i): "\(i)"
        case .number(let d): "\(d)"
        case .bool(let b): "\(b)"
        case .null: "null"
        case .array, .object: ""
        }
    }
}

/// Optional keys of the ICWS objects dxtop reads (fact sheet sections 1–6).
enum ICWSOptionalKeys {
    static let connection: Set<String> = [
        "alternateHostList", "userID", "userDisplayName", "icServer", "daysUntilPasswordExpiration", "version",
        "features", "serverTimeInfo", "productReleaseDisplayString", "productPatchDisplayString",
    ]
    static let jobStatus: Set<String> = [
        "submitTime", "queuedTime", "canceledTime", "finishedTime", "startedTime", "failedTime", "stateChangedTime",
        "cancelUserId", "outputFolder", "errorInfo", "state",
    ]
    static let jobConfig: Set<String> = [
        "tables", "views", "startTimeFilter", "endTimeFilter", "siteIdFilters", "dateTimeFilterColumn", "siteIdFilterColumn",
    ]
    static let job = jobStatus.union(jobConfig)
    /// `__type` is required on `invalidPropertyError` but observed error bodies carry none.
    static let error: Set<String> = ["errorId", "errorCode", "propertyName", "__type"]
    static let messages: Set<String> = jobStatus.union(["previousConnectionState", "shouldReconnect", "error"])
}

/// The golden files of `Tests/ICWSWireTests/Fixtures`, read by path (no bundle resources).
enum GoldenFixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ICWSWireTests/Fixtures")

    static func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }
    static func json(_ name: String) throws -> JSONValue { try JSONValue.parse(try data(name)) }
    static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }
}
