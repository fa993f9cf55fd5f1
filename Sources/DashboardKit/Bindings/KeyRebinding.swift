import DisplayText

/// One action given another key by name (`keys:` in the config file, docs/config.md): the key
/// replaces the action's letter (or its first key) in every context the action works in; the
/// other keys of the binding (arrows, PgUp...) stay. Checked when the config is loaded: an unknown
/// action, an unknown key, or a key another binding of the same context already answers is an error.
public struct KeyRebinding: Sendable, Equatable {
    public let action: String
    public let key: Key

    /// Checks the action's name and the key's (`j`, `Space`, `PgDn`, `Ctrl-L`: as docs/keys.md writes them, any case).
    public init(action: String, keyName: String) throws(KeyRebindingError) {
        guard Self.locations[action] != nil else {
            throw KeyRebindingError(message: "unknown action '\(Self.visible(action))' (actions: \(Self.actionNames.joined(separator: ", ")))")
        }
        guard let key = Self.key(named: keyName) else {
            throw KeyRebindingError(message: "unknown key '\(Self.visible(keyName))' for \(action) (a single character, or one of: \(Self.namedKeys.map(\.name).joined(separator: ", ")))")
        }
        self.action = action
        self.key = key
    }

    /// A name from the config file as a message shows it: one safe line, not endless.
    private static func visible(_ text: String) -> String {
        let line = OneLine.safe(text)
        return line.count > 40 ? String(line.prefix(39)) + "…" : line
    }

    /// The actions that can be rebound, in a stable order.
    public static var actionNames: [String] { locations.keys.sorted() }

    /// Where each action's binding is: a context it works in and the key that finds it there
    /// (and is replaced). `down` is a different binding in the list, the detail and the help.
    static let locations: [String: [(KeyContext, Key)]] = [
        "quit": [(.list, .char("q"))],
        "help": [(.list, .char("?"))],
        "switch-pane": [(.list, .tab)],
        "filter": [(.list, .char("/"))],
        "sort": [(.list, .char("s"))],
        "reverse-sort": [(.list, .char("S"))],
        "columns": [(.list, .char("o"))],
        "views": [(.list, .char("v"))],
        "refresh": [(.list, .char("r"))],
        "cancel": [(.list, .char("c"))],
        "compose": [(.list, .char("n"))],
        "resubmit": [(.list, .char("R"))],
        "redraw": [(.list, .ctrlL)],
        "detail": [(.list, .enter)],
        "mark": [(.list, .char(" "))],
        "mark-range": [(.list, .char("V"))],
        "unmark-all": [(.list, .char("u"))],
        "copy": [(.list, .char("y"))],
        "down": [(.list, .char("j")), (.detail, .char("j")), (.help, .char("j"))],
        "up": [(.list, .char("k")), (.detail, .char("k")), (.help, .char("k"))],
        "top": [(.list, .char("g")), (.detail, .char("g")), (.help, .char("g"))],
        "bottom": [(.list, .char("G")), (.detail, .char("G")), (.help, .char("G"))],
    ]

    /// The keys with names (every other key is one character).
    static let namedKeys: [Key] = [.char(" "), .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .tab, .backTab,
                                   .enter, .escape, .backspace, .delete, .ctrlC, .ctrlL]

    static func key(named name: String) -> Key? {
        if let named = namedKeys.first(where: { $0.name.lowercased() == name.lowercased() }) { return named }
        guard name.count == 1, let character = name.first, !character.isWhitespace,
              character.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) })
        else { return nil }
        return .char(character)
    }

    /// `table` with each rebinding applied (later ones win for the same action).
    static func apply(_ rebindings: [KeyRebinding], to table: [Binding]) -> [Binding] {
        var table = table
        for rebinding in rebindings {
            for (context, old) in locations[rebinding.action] ?? [] {
                guard let index = table.firstIndex(where: { $0.answers(old, in: context) }) else { continue }
                let binding = table[index]
                let keys = binding.keys.map { $0 == .key(old) ? KeyPattern.key(rebinding.key) : $0 }
                table[index] = Binding(patterns: keys, in: binding.contexts, help: binding.help, details: binding.details,
                                       footer: binding.footer, unavailable: binding.unavailable, perform: binding.perform)
            }
        }
        return table
    }

    /// The first rebinding (by position) whose key another binding already answers in a context
    /// where the rebound action works, once all are applied, and why; nil when there is none.
    public static func firstConflict(_ rebindings: [KeyRebinding]) -> (index: Int, message: String)? {
        let table = apply(rebindings, to: BindingTable.all)
        for (index, rebinding) in rebindings.enumerated() {
            for (context, _) in locations[rebinding.action] ?? [] {
                guard let own = table.first(where: { $0.answers(rebinding.key, in: context) && rebindingOwns($0, rebinding, in: context) })
                else { continue }
                for place in KeyContext.all where own.contexts.contains(place) {
                    let others = table.filter { $0.answers(rebinding.key, in: place) && !($0.help == own.help && $0.contexts == own.contexts) }
                    if let other = others.first {
                        return (index, "\(rebinding.key.name) for \(rebinding.action) is already \"\(other.help)\" in \(KeyContext.section(of: [place]))")
                    }
                }
            }
        }
        return nil
    }

    /// Whether `binding` is the one `rebinding` moved in `context`.
    private static func rebindingOwns(_ binding: Binding, _ rebinding: KeyRebinding, in context: KeyContext) -> Bool {
        guard let (_, old) = locations[rebinding.action]?.first(where: { $0.0 == context }),
              let original = BindingTable.all.first(where: { $0.answers(old, in: context) }) else { return false }
        return original.help == binding.help && original.contexts == binding.contexts
    }
}

/// Why a `keys:` entry cannot be used: one line, without the file and line (the config adds them).
public struct KeyRebindingError: Error, Sendable, Equatable {
    public let message: String
}

extension KeysDocument {
    /// The cheatsheet with `rebindings` applied (`dxtop keys`).
    public static func markdown(rebinding rebindings: [KeyRebinding]) -> String {
        markdown(KeyRebinding.apply(rebindings, to: BindingTable.all))
    }
}
