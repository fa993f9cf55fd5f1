import Foundation

/// `containsPII` of a dictionary column: a string, not a boolean ("No", "Yes",
/// "Depends on customer usage", "Potentially"). Unknown values are kept as they came.
public struct PIIFlag: RawRepresentable, Codable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let no = PIIFlag(rawValue: "No")
    public static let yes = PIIFlag(rawValue: "Yes")
    public static let dependsOnCustomerUsage = PIIFlag(rawValue: "Depends on customer usage")
    public static let potentially = PIIFlag(rawValue: "Potentially")

    /// False only for "No" (any case): anything else, unknown values included, may hold personal data.
    public var mayContainPII: Bool { rawValue.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare("No") != .orderedSame }
}

/// A column of a dictionary table or view.
public struct DictionaryColumn: Codable, Hashable, Sendable {
    public var name: String
    /// SQL type, e.g. `nvarchar`, `datetime2`.
    public var dataType: String
    public var maxLength: Int
    public var lastChangeVersion: String
    public var lastChangeReason: String
    public var containsPII: PIIFlag
    public var shortDescription: String
    public var encoding: String?
    public var precision: Int?
    public var scale: Int?
    /// "True" / "False" on the wire; see `isNullable`.
    public var allowsNulls: String?
    public var seqNo: Int?
    public var longDescription: String?

    public init(name: String, dataType: String, maxLength: Int, containsPII: PIIFlag = .no, shortDescription: String,
                allowsNulls: Bool? = nil, seqNo: Int? = nil, precision: Int? = nil, scale: Int? = nil,
                lastChangeVersion: String = "", lastChangeReason: String = "", encoding: String? = nil,
                longDescription: String? = nil) {
        self.name = name
        self.dataType = dataType
        self.maxLength = maxLength
        self.lastChangeVersion = lastChangeVersion
        self.lastChangeReason = lastChangeReason
        self.containsPII = containsPII
        self.shortDescription = shortDescription
        self.encoding = encoding
        self.precision = precision
        self.scale = scale
        self.allowsNulls = allowsNulls.map { $0 ? "True" : "False" }
        self.seqNo = seqNo
        self.longDescription = longDescription
    }

    /// `allowsNulls` read as a boolean; nil when absent or neither "True" nor "False".
    public var isNullable: Bool? {
        switch allowsNulls?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, dataType, maxLength, lastChangeVersion, lastChangeReason, containsPII, shortDescription, encoding,
             precision, scale, allowsNulls, seqNo, longDescription
    }

    /// Only `name` must be there; other missing required strings read as empty, a missing
    /// `containsPII` as "" (which `mayContainPII` treats as possibly personal). Wrong types throw.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        dataType = try c.decodeIfPresent(String.self, forKey: .dataType) ?? ""
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength) ?? 0
        lastChangeVersion = try c.decodeIfPresent(String.self, forKey: .lastChangeVersion) ?? ""
        lastChangeReason = try c.decodeIfPresent(String.self, forKey: .lastChangeReason) ?? ""
        containsPII = try c.decodeIfPresent(PIIFlag.self, forKey: .containsPII) ?? PIIFlag(rawValue: "")
        shortDescription = try c.decodeIfPresent(String.self, forKey: .shortDescription) ?? ""
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
        precision = try c.decodeIfPresent(Int.self, forKey: .precision)
        scale = try c.decodeIfPresent(Int.self, forKey: .scale)
        allowsNulls = try c.decodeIfPresent(String.self, forKey: .allowsNulls)
        seqNo = try c.decodeIfPresent(Int.self, forKey: .seqNo)
        longDescription = try c.decodeIfPresent(String.self, forKey: .longDescription)
    }
}

/// `{ "name": "..." }` entries of keys and indexes; `sortOrder` is a string ("Ascending").
public struct KeyColumn: Codable, Hashable, Sendable {
    public var name: String
    public var sortOrder: String?
    public init(name: String, sortOrder: String? = nil) {
        self.name = name
        self.sortOrder = sortOrder
    }
}

public struct PrimaryKey: Codable, Hashable, Sendable {
    public var name: String
    public var primaryKeyType: String?
    public var primaryKeyColumns: [KeyColumn]
    public init(name: String, primaryKeyType: String? = nil, primaryKeyColumns: [KeyColumn]) {
        self.name = name
        self.primaryKeyType = primaryKeyType
        self.primaryKeyColumns = primaryKeyColumns
    }
}

public struct ForeignKey: Codable, Hashable, Sendable {
    public var name: String
    public var column: String
    public var referenceTable: String
    public var referenceColumn: String
    public init(name: String, column: String, referenceTable: String, referenceColumn: String) {
        self.name = name
        self.column = column
        self.referenceTable = referenceTable
        self.referenceColumn = referenceColumn
    }
}

public struct IndexColumnName: Codable, Hashable, Sendable {
    public var name: String?
    public init(name: String?) { self.name = name }
}

public struct DictionaryIndex: Codable, Hashable, Sendable {
    public var name: String
    public var indexType: String
    public var indexColumns: [KeyColumn]?
    public var includedColumns: [IndexColumnName]?
    public init(name: String, indexType: String, indexColumns: [KeyColumn]? = nil, includedColumns: [IndexColumnName]? = nil) {
        self.name = name
        self.indexType = indexType
        self.indexColumns = indexColumns
        self.includedColumns = includedColumns
    }
}

/// `dataSetName`: an object `{ "name": ... }`, not a string; also the elements of `dataSetNameList`.
public struct DataSetName: Codable, Hashable, Sendable {
    public var name: String?
    public init(name: String?) { self.name = name }
}

/// `feature` entries of a table: `{ "name": ... }`.
public struct DictionaryFeature: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}
