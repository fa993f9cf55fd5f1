import Foundation

/// `{ "tableList": [table] }` of GET data-dictionary/tables. Entries that do not decode are skipped
/// (`problems`); every decoded entry has `kind == .table`.
public struct DictionaryTables: Codable, Hashable, Sendable {
    public var tableList: [DictionaryDataSet]
    public var problems: [String] = []

    public init(_ tables: [DictionaryDataSet]) { tableList = tables }

    enum CodingKeys: String, CodingKey { case tableList }

    public init(from decoder: any Decoder) throws {
        (tableList, problems) = try DictionaryDataSet.decodeList(from: decoder, key: CodingKeys.tableList, kind: .table)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(tableList, forKey: .tableList)
    }
}

/// `{ "viewList": [view] }` of GET data-dictionary/views; like `DictionaryTables`.
public struct DictionaryViews: Codable, Hashable, Sendable {
    public var viewList: [DictionaryDataSet]
    public var problems: [String] = []

    public init(_ views: [DictionaryDataSet]) { viewList = views }

    enum CodingKeys: String, CodingKey { case viewList }

    public init(from decoder: any Decoder) throws {
        (viewList, problems) = try DictionaryDataSet.decodeList(from: decoder, key: CodingKeys.viewList, kind: .view)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(viewList, forKey: .viewList)
    }
}

extension DictionaryDataSet {
    /// The one rule for `tableList` and `viewList`: entries that do not decode are skipped with a
    /// reason naming the list, and every kept entry gets the list's kind.
    static func decodeList<Key: CodingKey>(from decoder: any Decoder, key: Key, kind: DataSetKind)
        throws -> ([DictionaryDataSet], [String]) {
        let lossy = try decoder.container(keyedBy: Key.self).decode(LossyList<DictionaryDataSet>.self, forKey: key)
        return (lossy.elements.map { var set = $0; set.kind = kind; return set },
                lossy.problems.map { "\(key.stringValue) \($0)" })
    }
}

/// `{ "dataSetNameList": [{name?}] }` of GET data-dictionary/data-set-names.
public struct DataSetNameList: Codable, Hashable, Sendable {
    public var dataSetNameList: [DataSetName]
    public init(_ names: [DataSetName]) { dataSetNameList = names }
}

/// GET data-dictionary: `{tables?, views?, storedProcedures?}` (stored procedures are not used).
public struct DataDictionaryAnswer: Codable, Hashable, Sendable {
    public var tables: DictionaryTables?
    public var views: DictionaryViews?
    public init(tables: DictionaryTables? = nil, views: DictionaryViews? = nil) {
        self.tables = tables
        self.views = views
    }
}

/// Every table and view a server offers, looked up by name case-insensitively.
public struct DataDictionary: Hashable, Sendable {
    public var tables: [DictionaryDataSet]
    public var views: [DictionaryDataSet]
    /// Why entries of the server's answers were skipped (one line each, unsanitised server text).
    public var problems: [String]

    public init(tables: [DictionaryDataSet], views: [DictionaryDataSet], problems: [String] = []) {
        self.tables = tables.map { var set = $0; set.kind = .table; return set }
        self.views = views.map { var set = $0; set.kind = .view; return set }
        self.problems = problems
    }

    /// Tables first, then views, each in the server's order.
    public var all: [DictionaryDataSet] { tables + views }

    /// The dataset with this name (either kind unless `kind` is given), compared case-insensitively.
    public func dataSet(named name: String, kind: DataSetKind? = nil) -> DictionaryDataSet? {
        let candidates = switch kind {
        case .table: tables
        case .view: views
        case nil: all
        }
        return candidates.first { DictionaryName.same($0.name, name) }
    }

    /// The distinct data-set names of the entries, in order of first appearance.
    public var dataSetTitles: [String] {
        var seen = Set<String>()
        return all.compactMap(\.dataSetTitle).filter { seen.insert($0.lowercased()).inserted }
    }
}

extension ICWSProtocol {
    public static let dataDictionaryFeature = "data-dictionary"
    public static let minimumDataDictionaryVersion = 2
}

extension ICWSPath {
    public static func dataDictionary(_ sessionId: String) -> String { "/icws/\(segment(sessionId))/data-dictionary" }
    public static func dictionaryTables(_ sessionId: String) -> String { "\(dataDictionary(sessionId))/tables" }
    public static func dictionaryViews(_ sessionId: String) -> String { "\(dataDictionary(sessionId))/views" }
    public static func dictionaryDataSetNames(_ sessionId: String) -> String { "\(dataDictionary(sessionId))/data-set-names" }
    public static func feature(_ featureId: String) -> String { "\(features)/\(segment(featureId))" }
}
