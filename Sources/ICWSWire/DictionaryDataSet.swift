import Foundation

/// Whether a dataset is a database table or a view.
public enum DataSetKind: String, Codable, Hashable, Sendable, CaseIterable {
    case table, view
}

/// A dictionary table or view: what a job can extract from. Tables and views share one shape here;
/// the table-only members (`loggingType`, keys, index, features) stay nil on a view.
/// Names and schemas are case-insensitive on the server.
public struct DictionaryDataSet: Hashable, Sendable {
    /// Not on the wire: which list the entry came from.
    public var kind: DataSetKind
    public var name: String
    public var schema: String
    public var shortDescription: String
    public var longDescription: String
    public var cicProductCode: String
    public var lastChangeVersion: String
    public var lastChangeReason: String
    public var column: [DictionaryColumn]
    public var dateTimeFilterColumn: String?
    public var siteIdFilterColumn: String?
    public var dataSetName: DataSetName?
    public var loggingType: String?
    public var primaryKey: PrimaryKey?
    public var foreignKey: ForeignKey?
    public var index: DictionaryIndex?
    public var feature: [DictionaryFeature]?
    /// Not on the wire: why column entries of the answer were skipped.
    public var skippedColumns: [String] = []

    public init(kind: DataSetKind, name: String, schema: String = "dbo", dataSet: String?, shortDescription: String,
                longDescription: String = "", cicProductCode: String = "IC", lastChangeVersion: String = "",
                lastChangeReason: String = "", column: [DictionaryColumn], dateTimeFilterColumn: String? = nil,
                siteIdFilterColumn: String? = nil, loggingType: String? = nil, primaryKey: PrimaryKey? = nil,
                foreignKey: ForeignKey? = nil, index: DictionaryIndex? = nil, feature: [DictionaryFeature]? = nil) {
        self.kind = kind
        self.name = name
        self.schema = schema
        self.shortDescription = shortDescription
        self.longDescription = longDescription
        self.cicProductCode = cicProductCode
        self.lastChangeVersion = lastChangeVersion
        self.lastChangeReason = lastChangeReason
        self.column = column
        self.dateTimeFilterColumn = dateTimeFilterColumn
        self.siteIdFilterColumn = siteIdFilterColumn
        self.dataSetName = dataSet.map { DataSetName(name: $0) }
        self.loggingType = loggingType
        self.primaryKey = primaryKey
        self.foreignKey = foreignKey
        self.index = index
        self.feature = feature
    }

    /// The data set's name ("Interaction Data"), or nil.
    public var dataSetTitle: String? { dataSetName?.name }

    /// The column with this name, compared case-insensitively.
    public func column(named name: String) -> DictionaryColumn? {
        column.first { DictionaryName.same($0.name, name) }
    }
}

extension DictionaryDataSet: Codable {
    enum CodingKeys: String, CodingKey {
        case name, schema, shortDescription, longDescription, cicProductCode, lastChangeVersion, lastChangeReason,
             column, dateTimeFilterColumn, siteIdFilterColumn, dataSetName, loggingType, primaryKey, foreignKey,
             index, feature
    }

    /// Decodes as a table; the list it sits in sets `kind` (see `DictionaryTables` / `DictionaryViews`).
    /// Only `name` must be present; a column entry that does not decode is skipped and noted in
    /// `skippedColumns`, the others are kept.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = .table
        name = try c.decode(String.self, forKey: .name)
        schema = try c.decodeIfPresent(String.self, forKey: .schema) ?? ""
        shortDescription = try c.decodeIfPresent(String.self, forKey: .shortDescription) ?? ""
        longDescription = try c.decodeIfPresent(String.self, forKey: .longDescription) ?? ""
        cicProductCode = try c.decodeIfPresent(String.self, forKey: .cicProductCode) ?? ""
        lastChangeVersion = try c.decodeIfPresent(String.self, forKey: .lastChangeVersion) ?? ""
        lastChangeReason = try c.decodeIfPresent(String.self, forKey: .lastChangeReason) ?? ""
        let columns = try c.decodeIfPresent(LossyList<DictionaryColumn>.self, forKey: .column) ?? LossyList()
        column = columns.elements
        skippedColumns = columns.problems
        dateTimeFilterColumn = try c.decodeIfPresent(String.self, forKey: .dateTimeFilterColumn)
        siteIdFilterColumn = try c.decodeIfPresent(String.self, forKey: .siteIdFilterColumn)
        dataSetName = try c.decodeIfPresent(DataSetName.self, forKey: .dataSetName)
        loggingType = try c.decodeIfPresent(String.self, forKey: .loggingType)
        primaryKey = try? c.decodeIfPresent(PrimaryKey.self, forKey: .primaryKey)
        foreignKey = try? c.decodeIfPresent(ForeignKey.self, forKey: .foreignKey)
        index = try? c.decodeIfPresent(DictionaryIndex.self, forKey: .index)
        feature = try? c.decodeIfPresent([DictionaryFeature].self, forKey: .feature)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(schema, forKey: .schema)
        try c.encode(shortDescription, forKey: .shortDescription)
        try c.encode(longDescription, forKey: .longDescription)
        try c.encode(cicProductCode, forKey: .cicProductCode)
        // Required on a table, optional on a view.
        if kind == .table || !lastChangeVersion.isEmpty { try c.encode(lastChangeVersion, forKey: .lastChangeVersion) }
        if kind == .table || !lastChangeReason.isEmpty { try c.encode(lastChangeReason, forKey: .lastChangeReason) }
        try c.encode(column, forKey: .column)
        try c.encodeIfPresent(dateTimeFilterColumn, forKey: .dateTimeFilterColumn)
        try c.encodeIfPresent(siteIdFilterColumn, forKey: .siteIdFilterColumn)
        try c.encodeIfPresent(dataSetName, forKey: .dataSetName)
        guard kind == .table else { return }
        try c.encodeIfPresent(loggingType, forKey: .loggingType)
        try c.encodeIfPresent(primaryKey, forKey: .primaryKey)
        try c.encodeIfPresent(foreignKey, forKey: .foreignKey)
        try c.encodeIfPresent(index, forKey: .index)
        try c.encodeIfPresent(feature, forKey: .feature)
    }
}

/// How the server compares dictionary names: case-insensitively.
public enum DictionaryName {
    public static func same(_ a: String, _ b: String) -> Bool {
        a.caseInsensitiveCompare(b) == .orderedSame
    }
}
