/// The keys a binding answers: one key, or any printable character (the filter prompt's text).
enum KeyPattern: Equatable, Sendable {
    case key(Key)
    case anyCharacter

    func matches(_ key: Key) -> Bool {
        switch self {
        case .key(let own): own == key
        case .anyCharacter: if case .char = key { true } else { false }
        }
    }

    /// How the help and docs/keys.md write it.
    var name: String {
        switch self {
        case .anyCharacter: "any character"
        case .key(let key): key.name
        }
    }

    /// How the footer writes it (short).
    var footerName: String { self == .anyCharacter ? "type" : name }
}

extension Key {
    /// The key as the help, the footer and docs/keys.md write it.
    var name: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .ctrlC: "Ctrl-C"
        case .ctrlL: "Ctrl-L"
        case .mouse: "mouse"
        }
    }
}
