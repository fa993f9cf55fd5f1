import Foundation

/// The module diagram of docs/architecture.md: the first fenced block. One module a line,
/// `layer N` before the first of a layer, `Module ◄─ modules; packages` (a line ending in a comma
/// or a semicolon goes on on the next), then an optional note in parentheses.
enum ModuleDiagram {
    struct Line: Equatable {
        var layer: Int
        var name: String
        var entry: ModuleEntry
    }

    /// The diagram's modules in their order; `problems` names the lines that could not be read.
    static func lines(in document: String) -> (lines: [Line], problems: [String]) {
        let parts = document.components(separatedBy: "```")
        guard parts.count >= 3 else { return ([], ["no fenced module diagram"]) }
        var joined: [String] = []
        for raw in parts[1].split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if let last = joined.last, last.hasSuffix(",") || last.hasSuffix(";") {
                joined[joined.count - 1] = last + " " + line
            } else {
                joined.append(line)
            }
        }
        var layer = -1
        var lines: [Line] = [], problems: [String] = []
        for var line in joined {
            if line.hasPrefix("layer ") {
                let words = line.split(separator: " ", maxSplits: 2)
                guard words.count == 3, let number = Int(words[1]) else {
                    problems.append(line)
                    continue
                }
                layer = number
                line = words[2].trimmingCharacters(in: .whitespaces)
            }
            if line.hasSuffix(")"), let note = line.range(of: "(", options: .backwards) {
                line = String(line[..<note.lowerBound])
            }
            let sides = line.components(separatedBy: "◄─")
            let name = sides[0].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !name.contains(" "), sides.count <= 2, layer >= 0 else {
                problems.append(line)
                continue
            }
            var entry = ModuleEntry(modules: [], packages: [])
            if sides.count == 2 {
                let groups = sides[1].split(separator: ";", omittingEmptySubsequences: false)
                entry.modules = names(groups[0])
                if groups.count > 1 { entry.packages = names(groups[1]) }
            }
            lines.append(Line(layer: layer, name: name, entry: entry))
        }
        return (lines, problems)
    }

    private static func names(_ list: Substring) -> Set<String> {
        Set(list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
