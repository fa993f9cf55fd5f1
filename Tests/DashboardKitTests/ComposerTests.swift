import Foundation
import ICWSWire
import JobComposition
import Testing
@testable import DashboardKit

/// The composer's update and view without a server: the dictionary effect once, choosing,
/// refusing before sending, hostile dictionary text, the submit result.
@Suite("Composer")
struct ComposerTests {
    static let dictionary = DataDictionary(tables: [
        DictionaryDataSet(kind: .table, name: "Calls", dataSet: "Interaction Data", shortDescription: "One row per call.",
                          column: [DictionaryColumn(name: "CallId", dataType: "char", maxLength: 10, shortDescription: "Call id."),
                                   DictionaryColumn(name: "Caller", dataType: "nvarchar", maxLength: 50, containsPII: .yes,
                                                    shortDescription: "Who called.\u{1B}[2J\u{202E}evil"),
                                   DictionaryColumn(name: "StartUTC", dataType: "datetime", maxLength: 8, shortDescription: "Start.")],
                          dateTimeFilterColumn: "StartUTC"),
        DictionaryDataSet(kind: .table, name: "Sites\u{1B}]0;owned\u{7}", dataSet: "Admin", shortDescription: "No filters.",
                          column: [DictionaryColumn(name: "SiteId", dataType: "int", maxLength: 4, shortDescription: "Site.")]),
    ], views: [])

    func opened() -> DashboardState {
        var state = Fixture.state(jobs: [Fixture.job(1043, .started, name: "nightly")])
        #expect(Fixture.press(&state, .char("n")) == [.loadDictionary()])
        Fixture.send(&state, .dictionaryLoaded(Self.dictionary, at: Fixture.at(30)))
        return state
    }

    @Test func theDictionaryIsLoadedOncePerSession() {
        var state = opened()
        Fixture.press(&state, .escape)
        #expect(state.composer == nil)
        #expect(Fixture.press(&state, .char("n")).isEmpty)
        #expect(state.composer != nil)
    }

    @Test func choosingColumnsAndAWindowSendsExactlyThat() throws {
        var state = opened()
        Fixture.press(&state, .char(" "), .tab, .char("a"), .down, .char(" "), .tab, .down, .down, .char(" "), .char("e"))
        for c in "calls" { Fixture.press(&state, .char(c)) }
        let effects = Fixture.press(&state, .enter, .char("y"))
        let config = try #require(effects.compactMap { if case .submitJob(_, let c, _) = $0 { c } else { nil } }.first)
        #expect(config.name == "calls")
        #expect(config.tableConfigs.first?.column.map(\.name) == ["Caller"])
        #expect(TimeWindow(of: config) == WindowPreset.yesterday.window(now: Fixture.at(30), timeZone: TimeZone(identifier: "UTC")!))
        #expect(state.composer?.submitting == true)
    }

    @Test func problemsAreListedAndNothingIsSent() {
        var state = opened()
        #expect(Fixture.press(&state, .char("y")).isEmpty)
        #expect(state.composer?.problems.contains("The job name must not be empty.") == true)
        #expect(state.composer?.problems.contains("A job needs at least one table or view.") == true)
    }

    /// A problem fixed leaves the list at once, not at the next `y`.
    @Test func aFixedProblemLeavesAtOnce() {
        var state = opened()
        Fixture.press(&state, .char("y"))
        #expect(state.composer?.problems.count == 2)
        Fixture.press(&state, .char(" "))
        #expect(state.composer?.problems == ["The job name must not be empty."])
        Fixture.press(&state, .char("e"), .char("x"), .enter)
        #expect(state.composer?.problems == [])
        #expect(!Snapshot.render(state, width: 120, height: 40).text.contains("must not be empty"))
    }

    /// A name longer than its column ends with an ellipsis: `InteractionCustomAttribute` must not
    /// stand for `InteractionCustomAttributes`.
    @Test func aCutNameLooksCut() {
        let long = DictionaryDataSet(kind: .table, name: "InteractionCustomAttributes", dataSet: "Interaction Custom Attribute Data",
                                     shortDescription: "Custom attributes.",
                                     column: [DictionaryColumn(name: "InteractionCustomAttributeValue", dataType: "nvarchar",
                                                               maxLength: 50, shortDescription: "Value.")])
        var state = Fixture.state(jobs: [Fixture.job(1043, .started, name: "nightly")])
        Fixture.press(&state, .char("n"))
        Fixture.send(&state, .dictionaryLoaded(DataDictionary(tables: [long], views: []), at: Fixture.at(30)))
        for width in [80, 120, 200] {
            let text = Snapshot.render(state, width: width, height: 40).text
            #expect(text.contains("InteractionCustomAttribut…"), "width \(width)")
            #expect(!text.contains("InteractionCustomAttribute "), "width \(width)")
            #expect(text.contains("Interaction Custom At…"), "width \(width)")
        }
    }

    /// A description cut at the box's edge ends in the ellipsis too (at 80 columns every one is).
    @Test func aDescriptionCutAtTheBoxEdgeLooksCut() {
        let long = DictionaryDataSet(kind: .table, name: "InteractionSummary", dataSet: "Interaction Data",
                                     shortDescription: "Key attributes of every interaction, one row per interaction and site.",
                                     column: [DictionaryColumn(name: "InteractionIDKey", dataType: "char", maxLength: 18,
                                                               shortDescription: "Interaction key: the identifier of the interaction.")])
        var state = Fixture.state(jobs: [Fixture.job(1043, .started, name: "nightly")])
        Fixture.press(&state, .char("n"))
        Fixture.send(&state, .dictionaryLoaded(DataDictionary(tables: [long], views: []), at: Fixture.at(30)))
        let lines = Snapshot.render(state, width: 80, height: 24).lines
        let row = lines.first { $0.contains("InteractionSummary ") && $0.contains("[ ]") } ?? ""
        let column = lines.first { $0.contains("InteractionIDKey") } ?? ""
        #expect(row.hasSuffix("… │"), "\(row)")
        #expect(column.hasSuffix("… │"), "\(column)")
    }

    /// At 80x24 the footer keeps the keys a job needs, and `?` opens the help over the composer.
    @Test func theKeysShowAt80x24AndHelpOpens() {
        var state = opened()
        let footer = Snapshot.render(state, width: 80, height: 24).lines[23]
        for keys in ["Tab step", "Space choose", "y submit", "e name", "Esc back", "? help"] {
            #expect(footer.contains(keys), "\(keys) in \(footer)")
        }
        Fixture.press(&state, .char("?"))
        #expect(state.showingHelp)
        Fixture.press(&state, .escape)
        #expect(state.composer != nil && !state.showingHelp, "Esc closes the help, back to the composer")
    }

    @Test func aWindowIsOfferedOnlyWithADateTimeColumn() {
        var state = opened()
        Fixture.press(&state, .down, .char(" "))
        let text = Snapshot.render(state, width: 120, height: 40).text
        #expect(text.contains("No chosen dataset has a date-time filter column"))
        #expect(!text.contains("(•) none"))
    }

    @Test func hostileDictionaryTextIsCleaned() {
        var state = opened()
        Fixture.press(&state, .tab)
        let text = Snapshot.render(state, width: 160, height: 45).text
        #expect(text.contains("Caller"))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{202E}"))
        #expect(!text.contains("\u{7}"))
    }

    @Test func aRefusalKeepsEverythingTyped() throws {
        var state = opened()
        let effects = Fixture.press(&state, .char(" "), .char("e"), .char("x"), .enter, .char("y"))
        let submit = try #require(effects.last)
        guard case .submitJob(_, _, let requester) = submit else { Issue.record("no submit: \(submit)"); return }
        Fixture.send(&state, .screenReply(requester, .submitFailed(Failure(.badRequest, "Job name taken"))))
        #expect(state.composer?.name == "x")
        #expect(state.composer?.chosen.map(\.name) == ["Calls"])
        #expect(state.composer?.refusal == Failure(.badRequest, "Job name taken"))
        #expect(state.composer?.submitting == false)
    }

    @Test func eachServersDictionaryIsLoadedOnceAndTheJobGoesToTheChosenServer() throws {
        var state = MultiServerTests.state()
        let first = try #require(state.selectedId?.context)
        let other = first == MultiServerTests.lab ? MultiServerTests.prod : MultiServerTests.lab
        #expect(Fixture.press(&state, .char("n")) == [.loadDictionary(context: first)])
        Fixture.send(&state, .dictionaryLoaded(context: first, Self.dictionary, at: Fixture.at(30)))
        #expect(Fixture.press(&state, .char("c")) == [.loadDictionary(context: other)])
        #expect(state.composer?.target == other)
        Fixture.send(&state, .dictionaryLoaded(context: other, Self.dictionary, at: Fixture.at(30)))
        #expect(Fixture.press(&state, .char("c")).isEmpty, "cached")
        #expect(Fixture.press(&state, .char("c")).isEmpty, "cached")
        Fixture.press(&state, .char(" "), .char("e"), .char("x"), .enter)
        let effects = Fixture.press(&state, .char("y"))
        #expect(effects.contains { if case .submitJob(let context, _, _) = $0 { context == other } else { false } })
    }

    @Test func resubmitNamesTheJobsServer() throws {
        var state = MultiServerTests.state()
        Fixture.press(&state, .char("/"))
        for c in "prod-job" { Fixture.press(&state, .char(c)) }
        Fixture.press(&state, .enter)
        let key = try #require(state.selectedId)
        #expect(key.context == MultiServerTests.prod)
        Fixture.send(&state, .configLoaded(id: key, config: JobConfig(
            name: "again", submittedUserId: "jdoe", tables: [DataSetConfig(name: "Calls", column: [ColumnRef(name: "CallId")])])))
        Fixture.press(&state, .char("R"))
        let effects = Fixture.press(&state, .char("y"))
        #expect(effects.contains { if case .submitJob(let context, _, _) = $0 { context == key.context } else { false } })
    }

    @Test func featureMissingSaysSo() {
        var state = Fixture.state(jobs: [])
        Fixture.press(&state, .char("n"))
        Fixture.send(&state, .dictionaryFailed(Failure(.featureMissing, "no dictionary")))
        #expect(Snapshot.render(state, width: 120, height: 40).text
            .contains("This server has no data dictionary (data-dictionary 2 needed)."))
    }
}
