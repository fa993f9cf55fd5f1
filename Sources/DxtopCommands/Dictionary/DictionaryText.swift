import DisplayText
import ICWSWire

/// Human output of `dxtop dictionary`. Every server string is sanitised and clipped.
enum DictionaryText {
    /// The datasets whose name, data set or short description contains `filter` (any case).
    static func matching(_ sets: [DictionaryDataSet], filter: String?) -> [DictionaryDataSet] {
        guard let filter = filter?.trimmingCharacters(in: .whitespaces), !filter.isEmpty else { return sets }
        return sets.filter { set in
            [set.name, set.dataSetTitle ?? "", set.shortDescription].contains { $0.localizedCaseInsensitiveContains(filter) }
        }
    }

    static func list(_ sets: [DictionaryDataSet]) -> [String] {
        var table = TextTable(headers: ["NAME", "KIND", "DATA SET", "DATE-TIME FILTER", "SITE FILTER", "COLUMNS"])
        for set in sets {
            table.append([Cell.clean(set.name, width: 40), set.kind.rawValue, Cell.clean(set.dataSetTitle ?? "-", width: 30),
                          Cell.clean(set.dateTimeFilterColumn ?? "-", width: 30), Cell.clean(set.siteIdFilterColumn ?? "-", width: 30),
                          String(set.column.count)])
        }
        return table.lines()
    }

    static func detail(_ set: DictionaryDataSet) -> [String] {
        var lines = ["\(Cell.clean(set.name, width: 80)) (\(set.kind.rawValue), \(Cell.clean(set.dataSetTitle ?? "no data set", width: 40)), schema \(Cell.clean(set.schema, width: 20)))"]
        let description = set.longDescription.isEmpty ? set.shortDescription : set.longDescription
        if !description.isEmpty { lines.append(Cell.clean(description, width: 400)) }
        lines.append("Date-time filter column: \(Cell.clean(set.dateTimeFilterColumn ?? "none", width: 60))")
        lines.append("Site-id filter column:   \(Cell.clean(set.siteIdFilterColumn ?? "none", width: 60))")
        lines.append("")
        var table = TextTable(headers: ["COLUMN", "TYPE", "SIZE", "NULLABLE", "PII", "DESCRIPTION"])
        for column in set.column {
            table.append([Cell.clean(column.name, width: 40), Cell.clean(typeText(column), width: 24), String(column.maxLength),
                          column.isNullable.map { $0 ? "yes" : "no" } ?? "-", Cell.clean(column.containsPII.rawValue, width: 26),
                          Cell.clean(column.shortDescription, width: 80)])
        }
        return lines + table.lines()
    }

    /// `decimal(18,4)` when precision and scale are given, else the bare type.
    static func typeText(_ column: DictionaryColumn) -> String {
        guard let precision = column.precision else { return column.dataType }
        return "\(column.dataType)(\(precision)\(column.scale.map { ",\($0)" } ?? ""))"
    }
}

/// `--json` shapes of `dxtop dictionary`; every key always present, null when the server did not say.
enum DictionaryJSON {
    struct Summary: Encodable {
        let name: String
        let kind: String
        let dataSet: String?
        let dateTimeFilterColumn: String?
        let siteIdFilterColumn: String?
        let columnCount: Int
        let description: String

        init(_ set: DictionaryDataSet) {
            name = set.name
            kind = set.kind.rawValue
            dataSet = set.dataSetTitle
            dateTimeFilterColumn = set.dateTimeFilterColumn
            siteIdFilterColumn = set.siteIdFilterColumn
            columnCount = set.column.count
            description = set.shortDescription
        }

        enum Keys: String, CodingKey, CaseIterable { case name, kind, dataSet, dateTimeFilterColumn, siteIdFilterColumn, columnCount, description }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(name, forKey: .name)
            try c.encode(kind, forKey: .kind)
            try c.encode(dataSet, forKey: .dataSet)
            try c.encode(dateTimeFilterColumn, forKey: .dateTimeFilterColumn)
            try c.encode(siteIdFilterColumn, forKey: .siteIdFilterColumn)
            try c.encode(columnCount, forKey: .columnCount)
            try c.encode(description, forKey: .description)
        }
    }

    struct Column: Encodable {
        let column: DictionaryColumn

        enum Keys: String, CodingKey, CaseIterable { case name, dataType, maxLength, precision, scale, nullable, containsPII, mayContainPII, description }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(column.name, forKey: .name)
            try c.encode(column.dataType, forKey: .dataType)
            try c.encode(column.maxLength, forKey: .maxLength)
            try c.encode(column.precision, forKey: .precision)
            try c.encode(column.scale, forKey: .scale)
            try c.encode(column.isNullable, forKey: .nullable)
            try c.encode(column.containsPII.rawValue, forKey: .containsPII)
            try c.encode(column.containsPII.mayContainPII, forKey: .mayContainPII)
            try c.encode(column.shortDescription, forKey: .description)
        }
    }

    struct Detail: Encodable {
        let summary: Summary
        let set: DictionaryDataSet

        init(_ set: DictionaryDataSet) {
            summary = Summary(set)
            self.set = set
        }

        enum Keys: String, CodingKey { case schema, longDescription, columns }

        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(set.schema, forKey: .schema)
            try c.encode(set.longDescription, forKey: .longDescription)
            try c.encode(set.column.map(Column.init), forKey: .columns)
        }
    }
}
