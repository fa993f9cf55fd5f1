import ArgumentParser
import DisplayText
import JobComposition

/// "did you mean" for a mistyped command (`dxtop job list` → `dxtop jobs list`), found by edit
/// distance over the command tree. Asked only once the parser has refused the line.
enum CommandSuggestion {
    /// The one-line message for the first word that is no command where one is expected but is
    /// close to one; nil when there is none (the parser's own message is shown then).
    static func message(for arguments: [String]) -> String? {
        var level: any ParsableCommand.Type = Dxtop.self
        var path = ["dxtop"]
        var words = arguments.prefix { $0 != "--" }.filter { !$0.hasPrefix("-") }[...]
        while let word = words.popFirst() {
            if let exact = subcommand(word, of: level) {
                level = exact
                path.append(word)
                continue
            }
            let names = level.configuration.subcommands.compactMap { name(of: $0) }
            guard let closest = NameSuggestions.closest(to: word, among: names, limit: 1).first,
                  var below = subcommand(closest, of: level) else { continue }
            var meant = path + [closest]
            // The words after it that are commands of the corrected one complete the suggestion.
            while let following = words.first, let next = subcommand(following, of: below) {
                meant.append(following)
                below = next
                words.removeFirst()
            }
            let command = meant.joined(separator: " ")
            return "unknown command '\(OneLine.safe(word))' (did you mean '\(command)'? see '\(command) --help')"
        }
        return nil
    }

    private static func name(of command: any ParsableCommand.Type) -> String? {
        command.configuration.commandName
    }

    private static func subcommand(_ word: String, of command: any ParsableCommand.Type) -> (any ParsableCommand.Type)? {
        command.configuration.subcommands.first { name(of: $0) == word }
    }
}
