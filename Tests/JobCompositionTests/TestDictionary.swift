import Foundation
import ICWSWire

/// A small dictionary in the server's shapes: two tables with filter columns, one without, a view.
enum TestDictionary {
    static func column(_ name: String) -> DictionaryColumn {
        DictionaryColumn(name: name, dataType: "int", maxLength: 4, shortDescription: name)
    }

    static let dictionary = DataDictionary(
        tables: [
            DictionaryDataSet(kind: .table, name: "InteractionSummary", dataSet: "Interaction Data", shortDescription: "s",
                              column: ["InteractionIDKey", "SiteID", "StartDateTimeUTC", "Direction"].map(column),
                              dateTimeFilterColumn: "StartDateTimeUTC", siteIdFilterColumn: "SiteID"),
            DictionaryDataSet(kind: .table, name: "InteractionWrapup", dataSet: "Interaction Data", shortDescription: "w",
                              column: ["InteractionIDKey", "WrapupCode", "WrapupStartDateTimeUTC"].map(column),
                              dateTimeFilterColumn: "WrapupStartDateTimeUTC"),
            DictionaryDataSet(kind: .table, name: "ICApplications", dataSet: "Administrative Data", shortDescription: "a",
                              column: ["ApplicationId", "ApplicationName"].map(column)),
        ],
        views: [
            DictionaryDataSet(kind: .view, name: "CallDetail_viw", dataSet: "Interaction Data", shortDescription: "v",
                              column: ["CallId", "InitiatedDateTimeGMT", "SiteId"].map(column),
                              dateTimeFilterColumn: "InitiatedDateTimeGMT", siteIdFilterColumn: "SiteId"),
        ])
}

/// A point in time built from components in a named zone.
func date(_ zone: String, _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: zone)!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
}
