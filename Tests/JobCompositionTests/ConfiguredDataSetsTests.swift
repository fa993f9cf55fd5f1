import Foundation
import ICWSWire
import JobComposition
import Testing

@Suite("A configuration's datasets, the one conversion")
struct ConfiguredDataSetsTests {
    let dictionary = TestDictionary.dictionary

    @Test("tables first, then views, each with its kind and its columns in order")
    func tablesThenViews() throws {
        let config = try JobComposer.config(for: JobDraft(name: "n", dataSets: [
            DataSetChoice(name: "calldetail_VIW", kind: .view, columns: ["callid"]),
            DataSetChoice(name: "interactionsummary", columns: ["siteid", "INTERACTIONIDKEY"]),
        ]), dictionary: dictionary, submittedUserId: "jdoe")
        #expect(config.dataSets.map(\.kind) == [.table, .view])
        #expect(config.dataSets.map(\.entry.name) == ["InteractionSummary", "CallDetail_viw"])
        #expect(config.dataSets.first?.columnNames == ["SiteID", "InteractionIDKey"])
    }

    @Test("the draft of a configuration composes the same configuration again")
    func draftGivesTheConfigurationBack() throws {
        let window = TimeWindow(start: Date(timeIntervalSince1970: 1_780_000_000), end: Date(timeIntervalSince1970: 1_780_086_400))
        let draft = JobDraft(name: "nightly", dataSets: [
            DataSetChoice(name: "InteractionSummary", kind: .table, columns: ["SiteID"]),
            DataSetChoice(name: "CallDetail_viw", kind: .view, columns: ["CallId"]),
        ], window: window, siteIds: ["1"])
        let config = try JobComposer.config(for: draft, dictionary: dictionary, submittedUserId: "jdoe")
        let again = JobDraft(of: config)
        #expect(again.dataSets.map(\.kind) == [.table, .view])
        #expect(try JobComposer.config(for: again, dictionary: dictionary, submittedUserId: "jdoe") == config)
    }
}
