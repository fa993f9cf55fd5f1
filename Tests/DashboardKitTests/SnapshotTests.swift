import Testing
import ICWSWire
@testable import DashboardKit

/// Whole screens at fixed sizes, compared with `Snapshots/*.txt`.
@Suite("Snapshots")
struct SnapshotTests {
    static let sizes = [(80, 24), (120, 40), (200, 50)]

    @Test(arguments: sizes)
    func list(width: Int, height: Int) {
        let surface = Snapshot.render(Scenario.list(width: width, height: height), width: width, height: height)
        Snapshot.assertMatches(surface, named: "list-\(width)x\(height)")
    }

    @Test(arguments: sizes)
    func detailWithConfiguration(width: Int, height: Int) {
        let surface = Snapshot.render(Scenario.detail(width: width, height: height), width: width, height: height)
        Snapshot.assertMatches(surface, named: "detail-\(width)x\(height)")
    }

    @Test func detailScrolledToTheBottom() {
        var state = Scenario.detail(width: 80, height: 24)
        Fixture.press(&state, .char("G"))
        Snapshot.assertMatches(Snapshot.render(state, width: 80, height: 24), named: "detail-bottom-80x24")
    }

    @Test func failedJobWithConfigurationLoading() {
        let surface = Snapshot.render(Scenario.failed(width: 120, height: 40), width: 120, height: 40)
        Snapshot.assertMatches(surface, named: "failed-loading-120x40")
    }

    @Test(arguments: sizes)
    func cancelDialog(width: Int, height: Int) {
        var state = Scenario.list(width: width, height: height)
        Fixture.press(&state, .char("c"))
        Snapshot.assertMatches(Snapshot.render(state, width: width, height: height), named: "dialog-\(width)x\(height)")
    }

    @Test func cancelDialogWithYesChosenAndThePendingRow() {
        var state = Scenario.list(width: 120, height: 40)
        Fixture.press(&state, .char("c"), .right)
        Snapshot.assertMatches(Snapshot.render(state, width: 120, height: 40), named: "dialog-yes-120x40")
        Fixture.press(&state, .enter)
        Fixture.send(&state, .cancelSucceeded(id: "1071"))
        Snapshot.assertMatches(Snapshot.render(state, width: 120, height: 40), named: "canceling-120x40")
    }

    /// The help at every size in one file (it lists every binding: a new one changes this file and
    /// `footers.txt`).
    @Test func help() {
        let text = Self.sizes.map { width, height in
            var state = Scenario.list(width: width, height: height)
            Fixture.press(&state, .char("?"))
            return "== \(width)x\(height)\n" + Snapshot.body(Snapshot.render(state, width: width, height: height))
        }.joined(separator: "\n")
        Snapshot.assertMatches(text: text, named: "help")
    }

    @Test func helpScrollsOnASmallScreen() {
        var state = Scenario.list(width: 60, height: 15)
        Fixture.press(&state, .char("?"), .char("j"), .char("j"))
        #expect(state.helpScroll == 2)
        Snapshot.assertMatches(Snapshot.render(state, width: 60, height: 15), named: "help-scrolled-60x15")
        Fixture.press(&state, .end)
        #expect(state.helpScroll == HelpView.lineCount() - HelpView.visibleLines(screenHeight: 15))
        Fixture.press(&state, .char("j"))
        #expect(state.helpScroll == HelpView.lineCount() - HelpView.visibleLines(screenHeight: 15))
        Fixture.press(&state, .char("?"), .char("?"))
        #expect(state.helpScroll == 0, "the help opens at the top")
    }

    @Test func columnChooserAndBulkResubmitAt80x24() {
        var chooser = Scenario.list(width: 80, height: 24)
        Fixture.press(&chooser, .char("o"), .down, .down, .char("s"))
        Snapshot.assertMatches(Snapshot.render(chooser, width: 80, height: 24), named: "column-chooser-80x24")
        var bulk = Scenario.list(width: 80, height: 24)
        Fixture.press(&bulk, .char(" "), .char(" "), .char(" "), .char("R"))
        Snapshot.assertMatches(Snapshot.render(bulk, width: 80, height: 24), named: "bulk-resubmit-80x24")
    }

    @Test func narrowMinimumLayout() {
        let surface = Snapshot.render(Scenario.list(width: 60, height: 15), width: 60, height: 15)
        Snapshot.assertMatches(surface, named: "narrow-60x15")
    }

    @Test func tooSmall() {
        let surface = Snapshot.render(Scenario.list(width: 50, height: 12), width: 50, height: 12)
        Snapshot.assertMatches(surface, named: "too-small-50x12", footer: true)
    }

    @Test func filterPromptSortAndReadOnly() {
        var state = Scenario.list(width: 120, height: 40, readOnly: true)
        Fixture.press(&state, .char("s"), .char("s"), .char("/"), .char("1"), .char("0"), .char("6"))
        Snapshot.assertMatches(Snapshot.render(state, width: 120, height: 40), named: "filter-sorted-readonly-120x40")
    }

    @Test func asciiGlyphs() {
        let surface = Snapshot.render(Scenario.detail(width: 80, height: 24, focus: false), width: 80, height: 24, glyphs: .ascii)
        Snapshot.assertMatches(surface, named: "ascii-80x24")
        #expect(surface.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }

    @Test func offlineWithoutData() {
        var state = DashboardState(options: Fixture.options(), width: 80, height: 24)
        Fixture.send(&state, .connectionChanged(.offline(because: .failed(Failure(.unavailable, "cic01.example.com:8019 refused the connection"))), at: Fixture.at(30)))
        Snapshot.assertMatches(Snapshot.render(state, width: 80, height: 24), named: "offline-empty-80x24")
    }

    @Test(arguments: sizes)
    func hostileStrings(width: Int, height: Int) {
        let surface = Snapshot.render(Scenario.hostile(width: width, height: height), width: width, height: height)
        Snapshot.assertMatches(surface, named: "hostile-\(width)x\(height)")
    }
}

/// The footer of every context at every size, in one file: the keys that work there, from the
/// binding table. A new binding with a footer label changes this file, not each screen's.
@Suite("Footer snapshots")
struct FooterSnapshotTests {
    static func contexts(width: Int, height: Int) -> [(String, DashboardState)] {
        let list = Scenario.list(width: width, height: height)
        func after(_ keys: Key..., from state: DashboardState = list) -> DashboardState {
            var state = state
            for key in keys { Fixture.press(&state, key) }
            return state
        }
        var ended = after(.char("c"))
        Fixture.send(&ended, .statusesReceived([ended.selectedJob.map { job in var job = job; job.state = .finished; return job }].compactMap { $0 },
                                               at: Fixture.at(30)))
        var composer = after(.char("n"))
        Fixture.send(&composer, .dictionaryLoaded(ComposerTests.dictionary, at: Fixture.at(30)))
        return [
            ("list", list), ("detail", Scenario.detail(width: width, height: height)), ("filter", after(.char("/"))),
            ("filter kept", after(.char("/"), .char("1"), .enter)), ("help", after(.char("?"))), ("cancel dialog", after(.char("c"))),
            ("cancel dialog, job ended", ended),
            ("composer", composer), ("composer typing", after(.char("e"), from: composer)),
            ("read-only list", Scenario.list(width: width, height: height, readOnly: true)),
            ("marked list", after(.char(" "), .char(" "))), ("bulk cancel", after(.char(" "), .char("c"))),
            ("bulk cancel results", after(.char(" "), .char("c"), .char("y"))), ("copy menu", after(.char("y"))),
            ("copy box", after(.char("y"), .char("1"))), ("history", after(.char("h"))), ("timeline", after(.char("t"))),
            ("coverage", after(.char("C"))), ("column chooser", after(.char("o"))), ("bulk resubmit", after(.char(" "), .char("R"))),
        ]
    }

    /// Tryout finding: the timeline's footer at 80x24 left out how to close it and Enter.
    @Test("at 80x24 every screen over the list shows in its footer how to leave it")
    func everyScreenShowsItsWayOut() {
        let mainScreen: Set = ["list", "read-only list", "marked list"]
        for (name, state) in Self.contexts(width: 80, height: 24) where !mainScreen.contains(name) {
            let footer = Snapshot.render(state, width: 80, height: 24).lines.last ?? ""
            #expect(footer.contains("Esc"), "\(name): \(footer)")
        }
    }

    @Test func everyContextsFooter() {
        var lines: [String] = []
        for (width, height) in SnapshotTests.sizes {
            for (name, state) in Self.contexts(width: width, height: height) {
                lines.append("\(name) \(width)x\(height): " + (Snapshot.render(state, width: width, height: height).lines.last ?? ""))
            }
        }
        Snapshot.assertMatches(text: lines.joined(separator: "\n"), named: "footers")
    }
}
