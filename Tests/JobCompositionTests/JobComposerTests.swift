import Foundation
import ICWSWire
import JobComposition
import Testing

@Suite("Building a jobConfig from chosen datasets")
struct JobComposerTests {
    let dictionary = TestDictionary.dictionary

    func build(_ draft: JobDraft) throws(CompositionError) -> JobConfig {
        try JobComposer.config(for: draft, dictionary: dictionary, submittedUserId: "jdoe")
    }

    @Test("names in any case are spelt as the dictionary spells them; filter columns are copied")
    func resolvesNamesAndFilters() throws {
        let config = try build(JobDraft(name: "n", dataSets: [
            DataSetChoice(name: "interactionsummary", columns: ["siteid", "INTERACTIONIDKEY"]),
            DataSetChoice(name: "calldetail_VIW", kind: .view, columns: ["callid"]),
        ]))
        #expect(config.tableConfigs == [DataSetConfig(name: "InteractionSummary", dateTimeFilterColumn: "StartDateTimeUTC",
                                                      siteIdFilterColumn: "SiteID",
                                                      column: [ColumnRef(name: "SiteID"), ColumnRef(name: "InteractionIDKey")])])
        #expect(config.viewConfigs.map(\.name) == ["CallDetail_viw"])
        #expect(config.viewConfigs.first?.dateTimeFilterColumn == "InitiatedDateTimeGMT")
        #expect(config.submittedUserId == "jdoe")
        #expect(config.id == nil)
    }

    @Test("no columns means every column of the dataset")
    func allColumns() throws {
        let config = try build(JobDraft(name: "n", dataSets: [DataSetChoice(name: "InteractionWrapup")]))
        #expect(config.tableConfigs.first?.column.map(\.name) == ["InteractionIDKey", "WrapupCode", "WrapupStartDateTimeUTC"])
        #expect(config.tableConfigs.first?.siteIdFilterColumn == nil)
    }

    @Test("window and sites go into the filters")
    func windowAndSites() throws {
        let window = TimeWindow(start: date("UTC", 2026, 1, 1), end: date("UTC", 2026, 1, 2))
        let config = try build(JobDraft(name: "n", dataSets: [DataSetChoice(name: "InteractionSummary")],
                                        window: window, siteIds: ["1", "3"]))
        #expect(config.startTimeFilter == window.start)
        #expect(config.endTimeFilter == window.end)
        #expect(config.siteIds == ["1", "3"])
    }

    @Test("an unknown dataset and an unknown column are named with the closest names")
    func unknownNames() {
        #expect(throws: CompositionError.self) { try build(JobDraft(name: "n", dataSets: [DataSetChoice(name: "InteractionSumary")])) }
        do {
            _ = try build(JobDraft(name: "n", dataSets: [DataSetChoice(name: "InteractionSumary"),
                                                          DataSetChoice(name: "InteractionSummary", columns: ["StartDateTime"])]))
        } catch {
            #expect(error.problems.count == 2)
            #expect(error.problems[0].message == #"Unknown table or view "InteractionSumary". Closest: InteractionSummary."#)
            #expect(error.problems[1].message == #"Unknown column "StartDateTime" in InteractionSummary. Closest: StartDateTimeUTC."#)
        }
    }

    @Test("a view asked for as a table says what it is")
    func wrongKind() {
        do {
            _ = try build(JobDraft(name: "n", dataSets: [DataSetChoice(name: "CallDetail_viw", kind: .table)]))
            Issue.record("built")
        } catch {
            #expect(error.description == "CallDetail_viw is a view, not a table.")
        }
    }

    @Test("the server's rules are applied to the result", arguments: [
        (JobDraft(name: "n", dataSets: []), "A job needs at least one table or view."),
        (JobDraft(name: String(repeating: "x", count: 101), dataSets: [DataSetChoice(name: "ICApplications")]),
         "The job name is 101 characters long; at most 100 are allowed."),
        (JobDraft(name: " ", dataSets: [DataSetChoice(name: "ICApplications")]), "The job name must not be empty."),
        (JobDraft(name: "n", dataSets: [DataSetChoice(name: "ICApplications")],
                  window: TimeWindow(start: date("UTC", 2026, 1, 1), end: date("UTC", 2026, 1, 2))),
         "A time window needs a dataset with a date-time filter column; ICApplications has none."),
        (JobDraft(name: "n", dataSets: [DataSetChoice(name: "ICApplications"), DataSetChoice(name: "InteractionWrapup")], siteIds: ["1"]),
         "Site filters need a dataset with a site-id filter column; ICApplications, InteractionWrapup have none."),
        (JobDraft(name: "n", dataSets: [DataSetChoice(name: "InteractionSummary")],
                  window: TimeWindow(start: date("UTC", 2026, 1, 2), end: date("UTC", 2026, 1, 2))),
         "endTimeFilter must be later than startTimeFilter."),
    ])
    func rules(draft: JobDraft, message: String) {
        do {
            _ = try build(draft)
            Issue.record("built")
        } catch {
            #expect(error.problems.map(\.message) == [message])
        }
    }

    @Test("a 100-character name is allowed")
    func longestName() throws {
        _ = try build(JobDraft(name: String(repeating: "é", count: 100), dataSets: [DataSetChoice(name: "ICApplications")]))
    }

    @Test("a resubmission is the configuration without its id, renamed and re-windowed when asked")
    func resubmission() {
        let window = TimeWindow(start: date("UTC", 2026, 1, 1), end: date("UTC", 2026, 1, 2))
        let original = JobConfig(id: "8d2c", name: "daily", submittedUserId: "admin",
                                 tables: [DataSetConfig(name: "InteractionSummary", column: [ColumnRef(name: "SiteID")])],
                                 startTimeFilter: window.start, endTimeFilter: window.end, siteIdFilters: ["2"])
        let same = JobComposer.resubmission(of: original)
        #expect(same.id == nil)
        #expect(same.name == "daily" && same.tables == original.tables && same.siteIds == ["2"])
        #expect(TimeWindow(of: same) == window)
        let next = JobComposer.resubmission(of: original, name: "daily again", window: window.shifted(in: .gmt), submittedUserId: "jdoe")
        #expect(next.name == "daily again")
        #expect(next.submittedUserId == "jdoe")
        #expect(next.startTimeFilter == date("UTC", 2026, 1, 2))
        #expect(next.endTimeFilter == date("UTC", 2026, 1, 3))
    }
}

@Suite("The server's rules on a jobConfig")
struct JobRulesTests {
    let dictionary = TestDictionary.dictionary

    @Test("filter columns must be columns of their dataset; column names compare case-insensitively")
    func filterColumns() {
        let config = JobConfig(name: "n", submittedUserId: "u", tables: [
            DataSetConfig(name: "interactionSUMMARY", dateTimeFilterColumn: "StartDateTime", siteIdFilterColumn: "siteid",
                          column: [ColumnRef(name: "direction")]),
        ])
        #expect(JobRules.problems(in: config, dictionary: dictionary).map(\.message) == [
            #"The dateTimeFilterColumn "StartDateTime" is not a column of InteractionSummary. Closest: StartDateTimeUTC."#,
        ])
    }

    @Test("a dataset without columns and an unknown one are both reported, with their properties")
    func emptyAndUnknown() {
        let config = JobConfig(name: "n", submittedUserId: "u", tables: [DataSetConfig(name: "InteractionSummary", column: [])],
                               views: [DataSetConfig(name: "Nothing_viw", column: [ColumnRef(name: "x")])])
        let problems = JobRules.problems(in: config, dictionary: dictionary)
        #expect(problems.map(\.property) == ["column", "views"])
        #expect(problems.first?.message == "InteractionSummary needs at least one column.")
        #expect(problems.last?.message == #"Unknown view "Nothing_viw"."#)
    }

    @Test("closest names: near misses first, nothing for a name far from all")
    func suggestions() {
        let names = ["InteractionSummary", "InteractionWrapup", "IVRHistory", "IVRInterval"]
        #expect(NameSuggestions.closest(to: "ivrhistroy", among: names) == ["IVRHistory"])
        #expect(NameSuggestions.closest(to: "zzzz", among: names).isEmpty)
        #expect(NameSuggestions.closest(to: String(repeating: "a", count: 10_000), among: names).isEmpty)
    }
}
