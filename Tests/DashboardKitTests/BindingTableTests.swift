import Foundation
import ICWSWire
import Testing
@testable import DashboardKit

/// The one binding table drives dispatch, the footer and the help: they cannot disagree.
@Suite("Binding table")
struct BindingTableTests {
    /// Every key the terminal layer can send.
    static let allKeys: [Key] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?/ ".map(Key.char)
        + [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .escape,
           .backspace, .delete, .ctrlC, .ctrlL]

    /// A state in each context the footer is drawn in.
    static func states() -> [(KeyContext, DashboardState)] {
        let list = Scenario.list(width: 200, height: 50)
        var detail = list
        Fixture.press(&detail, .tab)
        var filter = list
        Fixture.press(&filter, .char("/"))
        var help = Scenario.list(width: 200, height: 20)
        Fixture.press(&help, .char("?"))
        var dialog = list
        Fixture.press(&dialog, .char("c"))
        return [(.list, list), (.detail, detail), (.filter, filter), (.help, help), (.cancelDialog, dialog)]
    }

    /// Ctrl-L goes through the table in every context: the runtime repaints every cell.
    @Test func ctrlLRepaintsFromEveryContext() {
        for (context, state) in Self.states() {
            var state = state
            #expect(Fixture.press(&state, .ctrlL) == [.repaintAll], "Ctrl-L in \(context)")
            #expect(state.keyContext == context, "Ctrl-L changed nothing in \(context)")
        }
    }

    /// A dialog's key line is the table's: the same keys and words as the footer.
    @Test func dialogHintsComeFromTheTable() {
        var state = Scenario.list(width: 120, height: 40)
        Fixture.press(&state, .char("c"))
        let hint = FooterView.hintLine(state, in: .cancelDialog).map(\.text).joined()
        for item in FooterView.items(state).main { #expect(hint.contains("\(item.keys) \(item.label)"), "\(item.label) in \(hint)") }
        #expect(Snapshot.render(state, width: 120, height: 40).text.contains(hint))
    }

    @Test func everyKeyOfEveryBindingReachesIt() {
        for (index, binding) in BindingTable.all.enumerated() {
            for context in binding.contexts {
                for case .key(let key) in binding.keys {
                    let found = BindingTable.binding(for: key, in: context)
                    #expect(found.map { $0.help == binding.help && $0.keyNames == binding.keyNames } == true,
                            "binding \(index) (\(binding.keyNames): \(binding.help)) is shadowed for \(key.name) in \(context)")
                }
            }
        }
    }

    @Test func theFooterOffersOnlyKeysThatDoWhatItSays() {
        for (context, state) in Self.states() {
            #expect(state.keyContext == context)
            let (main, tail) = FooterView.items(state)
            #expect(!main.isEmpty, "\(context) has a footer")
            for item in main + tail {
                for name in item.keys.split(separator: "/").map(String.init) where name != "type" {
                    let key = Self.allKeys.first { $0.name == name }
                    #expect(key != nil, "footer key \(name) is a key")
                    let binding = key.flatMap { BindingTable.binding(for: $0, in: context) }
                    #expect(binding?.footer?.label == item.label, "\(name) in \(context) does \"\(item.label)\"")
                }
            }
        }
    }

    @Test func theHelpListsEveryBindingWithItsKeys() {
        let state = Scenario.list(width: 120, height: 40)
        let lines = HelpView.lines(state).map { $0.map(\.text).joined() }
        for binding in BindingTable.all {
            #expect(lines.contains { line in binding.keys.shownNames.allSatisfy { line.contains($0) } && line.contains(binding.help) },
                    "the help shows \(binding.keyNames): \(binding.help)")
        }
        #expect(lines.count == HelpView.lineCount())
    }

    @Test func keysOutsideTheTableChangeNothing() {
        var state = Scenario.list(width: 120, height: 40)
        let before = Snapshot.render(state, width: 120, height: 40).text
        for key in Self.allKeys where BindingTable.binding(for: key, in: .list) == nil {
            #expect(Fixture.press(&state, key).isEmpty, "\(key.name) does nothing")
        }
        #expect(Snapshot.render(state, width: 120, height: 40).text == before)
    }

    @Test func readOnlyLeavesCancelOutOfTheFooterSaysSoInTheHelpAndOnTheKey() {
        var state = Scenario.list(width: 200, height: 50, readOnly: true)
        #expect(!FooterView.items(state).main.contains { $0.label == "cancel" })
        let help = HelpView.lines(state).map { $0.map(\.text).joined() }
        #expect(help.contains { $0.contains("cancel the selected job (asks first) (off: read-only mode)") })
        #expect(Fixture.press(&state, .char("c")).isEmpty)
        #expect(state.statusMessage == .info("Read-only mode: canceling jobs is turned off."))
        #expect(state.dialog == nil)
    }

    @Test func cancelOnAnEndedJobIsDimmedInTheFooterAndTheKeySaysWhy() {
        var state = Fixture.state(jobs: [Fixture.job(1002, .finished), Fixture.job(1001, .started)], width: 200, height: 50)
        let cancel = FooterView.items(state).main.first { $0.label == "cancel" }
        #expect(cancel?.dimmed == true)
        Fixture.press(&state, .char("c"))
        #expect(state.statusMessage == .info("Job 1002 already finished; it cannot be canceled."))
        Fixture.press(&state, .char("j"))
        #expect(FooterView.items(state).main.first { $0.label == "cancel" }?.dimmed == false)
    }

    @Test func escWithNoFilterIsSilentAndLeftOutOfTheFooter() {
        var state = Scenario.list(width: 200, height: 50)
        #expect(!FooterView.items(state).main.contains { $0.label == "clear filter" })
        Fixture.press(&state, .escape)
        #expect(state.statusMessage == nil)
        Fixture.press(&state, .char("/"), .char("x"), .enter)
        #expect(FooterView.items(state).main.contains { $0.label == "clear filter" && $0.keys == "Esc" })
    }

    @Test func theFooterMergesPairsAndKeepsItsOrder() {
        let (main, tail) = FooterView.items(Scenario.list(width: 200, height: 50))
        #expect(main.map(\.keys) == ["j/k", "c", "r", "/", "s", "Enter", "PgUp/PgDn", "g/G", "n", "R", "o"])
        #expect(tail.map(\.keys) == ["?", "q"])
    }
}

@Suite("docs/keys.md")
struct KeysDocumentTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/keys.md")

    @Test func isGeneratedFromTheBindingTable() throws {
        let generated = KeysDocument.markdown()
        if ProcessInfo.processInfo.environment["DXTOP_WRITE_KEYS"] == "1" {
            try generated.write(to: Self.file, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(onDisk == generated, "docs/keys.md differs from the binding table; rewrite it with: DXTOP_WRITE_KEYS=1 swift test --filter KeysDocumentTests")
    }

    @Test func namesEveryBinding() {
        let text = KeysDocument.markdown()
        for binding in BindingTable.all {
            #expect(text.contains(binding.keys.shownNames.map { "`\($0)`" }.joined(separator: ", ")))
        }
    }

    /// Tryout finding: the help wrote the view keys "1, 2, 3, 4, 5, 6, 7, 8, 9", past its key column.
    @Test("a run of digit keys is written as a range in the help and docs/keys.md; other keys stay a list")
    func digitRunsAreARange() throws {
        let views = try #require(BindingTable.all.first { $0.keys.contains(.key(.char("5"))) })
        #expect(views.keyNames == "1-9")
        #expect(([.key(.char("1")), .key(.char("2")), .key(.char("x"))] as [KeyPattern]).shownNames == ["1", "2", "x"])
        #expect(([.key(.char("j")), .key(.down)] as [KeyPattern]).shownNames == ["j", "Down"])
        #expect(KeysDocument.markdown().contains("| `1-9` |"))
    }
}
