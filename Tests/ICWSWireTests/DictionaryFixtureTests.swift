import Foundation
import ICWSWire
import Testing

/// Data-dictionary answers in the SDK's shapes (`DataDictionary.js`): strings where the SDK has
/// strings (`containsPII`, `allowsNulls`), `dataSetName` as an object, and tolerance of bad entries.
@Suite("Data dictionary fixtures")
struct DictionaryFixtureTests {
    @Test("a table with every member decodes, PII and nullability are strings read as such")
    func fullTable() throws {
        let tables = try Fixture.decode(DictionaryTables.self, "dictionary-tables.json")
        #expect(tables.problems.isEmpty)
        #expect(tables.tableList.map(\.name) == ["InteractionSummary", "ININ_APP_VERSION"])
        let summary = tables.tableList[0]
        #expect(summary.kind == .table)
        #expect(summary.dataSetTitle == "Interaction Data")
        #expect(summary.dateTimeFilterColumn == "StartDateTimeUTC")
        #expect(summary.siteIdFilterColumn == "SiteID")
        #expect(summary.primaryKey?.primaryKeyColumns.map(\.name) == ["InteractionIDKey", "SiteID"])
        #expect(summary.foreignKey?.referenceTable == "InteractionWrapup")
        #expect(summary.index?.includedColumns == [IndexColumnName(name: "Direction"), IndexColumnName(name: nil)])
        #expect(summary.feature == [DictionaryFeature(name: "Interaction Reporting")])
        #expect(summary.column.map(\.containsPII) == [.no, .yes, .dependsOnCustomerUsage])
        #expect(summary.column.map(\.containsPII.mayContainPII) == [false, true, true])
        #expect(summary.column.map(\.isNullable) == [false, nil, true])
        #expect(summary.column(named: "remoteid")?.maxLength == 50)
        #expect(tables.tableList[1].column.first?.containsPII == .potentially)
    }

    @Test("views decode with kind view; encoding gives back the fixture's JSON")
    func viewsRoundTrip() throws {
        let views = try Fixture.decode(DictionaryViews.self, "dictionary-views.json")
        #expect(views.viewList.allSatisfy { $0.kind == .view })
        #expect(try encodedJSON(views) == (try Fixture.json("dictionary-views.json")))
        let tables = try Fixture.decode(DictionaryTables.self, "dictionary-tables.json")
        #expect(try encodedJSON(tables) == (try Fixture.json("dictionary-tables.json")))
    }

    @Test("data-set names are objects; a nameless one decodes")
    func dataSetNames() throws {
        let names = try Fixture.decode(DataSetNameList.self, "dictionary-data-set-names.json")
        #expect(names.dataSetNameList.map(\.name) == ["Interaction Data", "Queue Statistics Data", nil])
    }

    @Test("bad entries are skipped with a reason each; the good ones and unknown values are kept")
    func tolerance() throws {
        let tables = try Fixture.decode(DictionaryTables.self, "tolerance-dictionary.json")
        #expect(tables.tableList.map(\.name) == ["GoodTable", "SecondGoodTable"])
        #expect(tables.problems.count == 3)
        #expect(tables.problems.allSatisfy { $0.hasPrefix("tableList entry ") })
        let good = tables.tableList[0]
        #expect(good.column.map(\.name) == ["Kept", "AlsoKept"])
        #expect(good.skippedColumns.count == 2)
        #expect(good.column[0].containsPII.rawValue == "Only on Tuesdays")
        #expect(good.column[0].containsPII.mayContainPII)
        #expect(good.column[0].isNullable == nil)
        #expect(good.column[1].containsPII.mayContainPII, "an absent PII flag is not taken as 'No'")
        #expect(tables.tableList[1].primaryKey == nil, "a bad key is dropped, not the table")
    }

    @Test("lookups are case-insensitive and can ask for one kind")
    func lookup() throws {
        let dictionary = DataDictionary(tables: try Fixture.decode(DictionaryTables.self, "dictionary-tables.json").tableList,
                                        views: try Fixture.decode(DictionaryViews.self, "dictionary-views.json").viewList)
        #expect(dictionary.dataSet(named: "calldetail_VIW")?.kind == .view)
        #expect(dictionary.dataSet(named: "calldetail_viw", kind: .table) == nil)
        #expect(dictionary.dataSetTitles == ["Interaction Data"])
    }
}
