import ICWSWire

/// The simulator's data dictionary: CIC reporting tables and views with their real column names,
/// SQL types and sizes, PII flags, filter columns and descriptions (after the PureConnect Data
/// Dictionary). The seeded jobs extract from it and POSTed jobs are checked against it.
enum DictionaryCatalog {
    static let dictionary = DataDictionary(
        tables: interactionTables + agentTables + queueTables + lineTables + ivrTables + adminTables,
        views: views)

    // Data set names, as the dictionary's `dataSetName` objects carry them.
    static let interactionData = "Interaction Data"
    static let agentData = "Agent and User Data"
    static let queueData = "Queue Statistics Data"
    static let lineData = "Line and Line Group Data"
    static let ivrData = "IVR Data"
    static let adminData = "Administrative Data"
    static let mirrorData = "Configuration Mirror Data"

    static func table(_ name: String, _ dataSet: String, dateTime: String? = nil, site: String? = "SiteId",
                      _ description: String, key: [String] = [], _ columns: [DictionaryColumn]) -> DictionaryDataSet {
        DictionaryDataSet(
            kind: .table, name: name, dataSet: dataSet, shortDescription: description, longDescription: description,
            lastChangeVersion: "4.0.106.453", lastChangeReason: "4.0 Release", column: numbered(columns),
            dateTimeFilterColumn: dateTime, siteIdFilterColumn: site, loggingType: "Report Log",
            primaryKey: key.isEmpty ? nil : PrimaryKey(name: "PK_\(name)", primaryKeyType: "Clustered",
                                                        primaryKeyColumns: key.map { KeyColumn(name: $0, sortOrder: "Ascending") }))
    }

    static func view(_ name: String, _ dataSet: String, dateTime: String? = nil, site: String? = "SiteId",
                     _ description: String, _ columns: [DictionaryColumn]) -> DictionaryDataSet {
        DictionaryDataSet(
            kind: .view, name: name, dataSet: dataSet, shortDescription: description, longDescription: description,
            lastChangeVersion: "4.0.106.453", lastChangeReason: "4.0 Release", column: numbered(columns),
            dateTimeFilterColumn: dateTime, siteIdFilterColumn: site)
    }

    /// A column: SQL type and size, PII flag, nullability and a description.
    static func col(_ name: String, _ type: String, _ size: Int, nullable: Bool = false, _ description: String) -> DictionaryColumn {
        col(name, type, size, .no, nullable: nullable, description)
    }

    static func col(_ name: String, _ type: String, _ size: Int, _ pii: PIIFlag, nullable: Bool = false,
                    _ description: String) -> DictionaryColumn {
        DictionaryColumn(name: name, dataType: type, maxLength: size, containsPII: pii, shortDescription: description,
                         allowsNulls: nullable, precision: type == "decimal" ? 18 : nil, scale: type == "decimal" ? 4 : nil,
                         lastChangeVersion: "4.0.106.453", lastChangeReason: "4.0 Release")
    }

    private static func numbered(_ columns: [DictionaryColumn]) -> [DictionaryColumn] {
        columns.enumerated().map { index, column in
            var column = column
            column.seqNo = index + 1
            return column
        }
    }

    // Columns many tables share.
    static let siteId = col("SiteId", "smallint", 2, "Site identifier of the source of the row; distinguishes sites in a multi-site rollup.")
    static let subSiteId = col("SubSiteId", "smallint", 2, "Reserved for dividing a site; zero.")
    static let timestamp = col("I3TimeStampGMT", "datetime", 8, "When the row was sent to the IC logging server (GMT).")
    static let intervalStart = col("dIntervalStart", "datetime", 8, "Start of the interval in server local time.")
    static let intervalStartUTC = col("dIntervalStartUTC", "datetime2", 8, "Start of the interval (UTC).")
    static let intervalDuration = col("nDuration", "int", 4, "Length of the interval in seconds (usually 1800).")
    static let userId = col("UserId", "nvarchar", 50, .yes, "The CIC user id as defined in Interaction Administrator.")
}
