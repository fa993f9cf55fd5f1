import Foundation

/// Context names for shell completion of `--context` (ArgumentParser calls dxtop back while the
/// user presses Tab). Reads the config file named on the command line so far, else the default one;
/// any problem just means no suggestions.
enum ContextNameCompletion {
    @Sendable static func names(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var option: String?
        for (i, word) in words.enumerated() {
            if word == "--config", i + 1 < words.count { option = words[i + 1] }
            if word.hasPrefix("--config=") { option = String(word.dropFirst("--config=".count)) }
        }
        let location = ConfigLocation(option: option, environment: ProcessInfo.processInfo.environment)
        guard let file = try? location.load(printingWarnings: false) else { return [] }
        return file.names.filter { $0.hasPrefix(prefix) && !$0.contains(where: \.isWhitespace) }
    }
}
