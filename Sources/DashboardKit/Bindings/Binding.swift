/// One entry of the binding table: the keys, where they work, what they do, and how the help,
/// the footer and docs/keys.md describe them. Dispatch, footer, help overlay and the keys
/// document all read the same entries, so they cannot disagree.
struct Binding: Sendable {
    let keys: [KeyPattern]
    let contexts: Set<KeyContext>
    /// A few words for the help overlay ("next job").
    let help: String
    /// The sentence docs/keys.md gives, when it says more than `help`.
    let details: String?
    let footer: FooterLabel?
    /// Nil when the binding can act now; else why not.
    let unavailable: @Sendable (DashboardState) -> Unavailable?
    let perform: @Sendable (inout DashboardState, Key) -> [Effect]

    init(_ keys: [Key], in contexts: Set<KeyContext>, help: String, details: String? = nil, footer: FooterLabel? = nil,
         unavailable: @escaping @Sendable (DashboardState) -> Unavailable? = { _ in nil },
         perform: @escaping @Sendable (inout DashboardState, Key) -> [Effect]) {
        self.init(patterns: keys.map(KeyPattern.key), in: contexts, help: help, details: details, footer: footer,
                  unavailable: unavailable, perform: perform)
    }

    init(patterns: [KeyPattern], in contexts: Set<KeyContext>, help: String, details: String? = nil, footer: FooterLabel? = nil,
         unavailable: @escaping @Sendable (DashboardState) -> Unavailable? = { _ in nil },
         perform: @escaping @Sendable (inout DashboardState, Key) -> [Effect]) {
        self.keys = patterns
        self.contexts = contexts
        self.help = help
        self.details = details
        self.footer = footer
        self.unavailable = unavailable
        self.perform = perform
    }

    func answers(_ key: Key, in context: KeyContext) -> Bool {
        contexts.contains(context) && keys.contains { $0.matches(key) }
    }

    /// The keys as the help writes them: "j, Down".
    var keyNames: String { keys.shownNames.joined(separator: ", ") }
}

extension [KeyPattern] {
    /// The keys' names, a run of three or more digits in a row as one range ("1-9").
    var shownNames: [String] {
        var names: [String] = []
        var index = startIndex
        while index < endIndex {
            var end = index
            while end + 1 < endIndex, let digit = self[end].digit, self[end + 1].digit == digit + 1 { end += 1 }
            names.append(end - index >= 2 ? "\(self[index].name)-\(self[end].name)" : self[index].name)
            index = end - index >= 2 ? end + 1 : index + 1
        }
        return names
    }
}

private extension KeyPattern {
    var digit: Int? {
        if case .key(.char(let character)) = self { character.wholeNumberValue } else { nil }
    }
}

/// How a binding shows in the footer. Bindings with the same label next to each other in the
/// footer's order share one item ("j/k move").
struct FooterLabel: Sendable {
    let label: String
    /// Lower first; what does not fit on a narrow screen is left out from the end.
    let rank: Int
    /// How many of the binding's keys the item names ("?/Esc").
    var keysShown = 1
    /// At the right end, always kept ("? help", "q quit").
    var tail = false
    /// The contexts it shows in, when fewer than the binding works in.
    var only: Set<KeyContext>?
}

/// Why a binding cannot act now.
struct Unavailable: Equatable, Sendable {
    enum Scope: Equatable, Sendable {
        /// Off for the whole run (read-only): left out of the footer; the help says `brief`.
        case off(brief: String)
        /// Not for this job or not now: the footer shows it dimmed, the key says why.
        case notNow
        /// Nothing to do and nothing worth saying (Esc with no filter set): left out of the footer.
        case silent
    }

    var reason: String
    var scope: Scope

    static func off(_ reason: String, brief: String) -> Unavailable { Unavailable(reason: reason, scope: .off(brief: brief)) }
    static func notNow(_ reason: String) -> Unavailable { Unavailable(reason: reason, scope: .notNow) }
    static let silent = Unavailable(reason: "", scope: .silent)
}
