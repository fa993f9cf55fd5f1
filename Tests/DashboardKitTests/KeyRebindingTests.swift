import Testing
@testable import DashboardKit

/// `keys:` of the config file: actions rebound by name over the binding table.
@Suite("Key rebinding")
struct KeyRebindingTests {
    @Test("every action name finds its binding in the table at its default key")
    func everyActionLocated() {
        for (action, places) in KeyRebinding.locations {
            for (context, key) in places {
                #expect(BindingTable.binding(for: key, in: context) != nil, "\(action) at \(key.name) in \(context)")
            }
        }
    }

    @Test("a rebound key answers in every context of the action; the old letter does not; arrows stay")
    func applies() throws {
        let table = KeyRebinding.apply([try KeyRebinding(action: "down", keyName: "J"), try KeyRebinding(action: "cancel", keyName: "x")],
                                       to: BindingTable.all)
        func help(_ key: Key, _ context: KeyContext) -> String? { table.first { $0.answers(key, in: context) }?.help }
        #expect(help(.char("J"), .list) == "next job")
        #expect(help(.char("J"), .detail) == "scroll a line down")
        #expect(help(.char("J"), .help) == "scroll a line down")
        #expect(help(.char("j"), .list) == nil)
        #expect(help(.down, .list) == "next job")
        #expect(help(.char("x"), .list) == "cancel the selected job (asks first)")
        #expect(help(.delete, .list) == "cancel the selected job (asks first)")
        #expect(KeysDocument.markdown(rebinding: [try KeyRebinding(action: "down", keyName: "J")]).contains("| `J`, `Down` | Next job. |"))
    }

    @Test("unknown action, unknown key, and a conflict in the same context are refused with one line")
    func problems() throws {
        #expect(throws: KeyRebindingError.self) { try KeyRebinding(action: "explode", keyName: "x") }
        #expect(throws: KeyRebindingError.self) { try KeyRebinding(action: "down", keyName: "F13") }
        #expect(throws: KeyRebindingError.self) { try KeyRebinding(action: "down", keyName: "\u{1B}") }
        #expect(try KeyRebinding(action: "sort", keyName: "pgdn").key == .pageDown)
        #expect(try KeyRebinding(action: "sort", keyName: "space").key == .char(" "))

        let conflict = KeyRebinding.firstConflict([try KeyRebinding(action: "refresh", keyName: "x"),
                                                   try KeyRebinding(action: "cancel", keyName: "n")])
        #expect(conflict?.index == 1)
        #expect(conflict?.message == "n for cancel is already \"compose a new job\" in Job list")
        #expect(KeyRebinding.firstConflict([try KeyRebinding(action: "down", keyName: "k"), try KeyRebinding(action: "up", keyName: "j")]) == nil,
                "a swap is no conflict")
        #expect(KeyRebinding.firstConflict([try KeyRebinding(action: "help", keyName: "l")])?.message
                == "l for help is already \"move between No and Yes\" in Cancel dialog", "a context the action also works in")
    }
}
