import Foundation

/// A module of the package and what it depends on, as `Package.swift` or the architecture's
/// diagram says: other modules of the package, and external packages (by package name).
struct ModuleEntry: Equatable, CustomStringConvertible {
    var modules: Set<String>
    var packages: Set<String>

    var description: String {
        (modules.sorted() + packages.sorted().map { "package \($0)" }).joined(separator: ", ")
    }
}

/// The non-test targets of `Package.swift` (test support under `Tests/` left out), read from its
/// text: no package resolution, only the manifest's own words.
enum PackageManifest {
    static func modules(in manifest: String) -> [String: ModuleEntry] {
        let text = withoutComments(manifest)
        var found: [String: (modules: [String], products: [String])] = [:]
        for opening in [".target(", ".executableTarget("] {
            var rest = text[...]
            while let start = rest.range(of: opening) {
                let body = balanced(text, from: start.upperBound, open: "(", close: ")")
                rest = text[start.upperBound...]
                guard let name = stringValue(after: "name:", in: body) else { continue }
                if stringValue(after: "path:", in: body)?.hasPrefix("Tests/") == true { continue }
                var modules: [String] = [], products: [String] = []
                if let list = body.range(of: "dependencies:"), let bracket = body[list.upperBound...].firstIndex(of: "[") {
                    for element in topLevelElements(balanced(body, from: body.index(after: bracket), open: "[", close: "]")) {
                        if element.hasPrefix(".product(") {
                            products.append(stringValue(after: "package:", in: element) ?? element)
                        } else if let module = stringValue(after: "name:", in: element) ?? stringValue(after: "", in: element) {
                            modules.append(module)
                        }
                    }
                }
                found[name] = (modules, products)
            }
        }
        return found.mapValues { ModuleEntry(modules: Set($0.modules), packages: Set($0.products)) }
    }

    /// The text with `//` comments removed (outside string literals).
    private static func withoutComments(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var inString = false
            var previous: Character = " "
            for index in line.indices {
                let character = line[index]
                if character == "\"" { inString.toggle() }
                if !inString, character == "/", previous == "/" { return line[..<line.index(before: index)] }
                previous = character
            }
            return line
        }.joined(separator: "\n")
    }

    /// What lies between the bracket opened just before `start` and its match.
    private static func balanced(_ text: String, from start: String.Index, open: Character, close: Character) -> String {
        var depth = 1
        var inString = false
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { inString.toggle() }
            if !inString {
                if character == open { depth += 1 }
                if character == close {
                    depth -= 1
                    if depth == 0 { break }
                }
            }
            index = text.index(after: index)
        }
        return String(text[start..<index])
    }

    /// A list's elements, split at its top-level commas.
    private static func topLevelElements(_ list: String) -> [String] {
        var elements: [String] = [], current = "", depth = 0, inString = false
        for character in list {
            if character == "\"" { inString.toggle() }
            if !inString {
                if "([".contains(character) { depth += 1 }
                if ")]".contains(character) { depth -= 1 }
                if character == ",", depth == 0 {
                    elements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        elements.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
        return elements.filter { !$0.isEmpty }
    }

    /// The string literal that follows `label` in `text` (the first one when `label` is empty).
    private static func stringValue(after label: String, in text: String) -> String? {
        let from = label.isEmpty ? text.startIndex : (text.range(of: label)?.upperBound ?? text.endIndex)
        guard from < text.endIndex, let open = text[from...].firstIndex(of: "\"") else { return nil }
        if !label.isEmpty, !text[from..<open].allSatisfy(\.isWhitespace) { return nil }
        guard let close = text[text.index(after: open)...].firstIndex(of: "\"") else { return nil }
        return String(text[text.index(after: open)..<close])
    }
}
