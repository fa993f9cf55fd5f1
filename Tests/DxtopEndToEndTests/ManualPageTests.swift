import Foundation
import Testing

/// docs/man/dxtop.1, which scripts/manual.sh generates with swift-argument-parser's generate-manual
/// and scripts/package.sh ships, says what `--help` says: the same commands, each with the same
/// options. A command or option added without regenerating the page fails here.
@Suite("dxtop man page")
struct ManualPageTests {
    @Test("the man page has every command of --help with the same options, and nothing else")
    func matchesHelp() async throws {
        let manual = ManualPageOutline(mdoc: try RepositoryFiles.text("docs/man/dxtop.1"))
        var help: [String: Set<String>] = [:]
        var pending = [[String]()]
        while let path = pending.popLast(), path.count < 4 {
            let result = try await DxtopBinary.run(path + ["--help"])
            #expect(result.status == 0, "\(path): \(result)")
            let outline = HelpOutline(help: result.stdout)
            help[path.joined(separator: " ")] = outline.options
            pending += outline.subcommands.map { path + [$0] }
        }
        let regenerate = "regenerate the page: scripts/manual.sh"
        #expect(help.count > 10, "walked \(help.keys.sorted())")
        #expect(Set(manual.options.keys) == Set(help.keys),
                "commands only in the page: \(Set(manual.options.keys).subtracting(help.keys).sorted()); only in --help: \(Set(help.keys).subtracting(manual.options.keys).sorted()); \(regenerate)")
        for (command, options) in help.sorted(by: { $0.key < $1.key }) {
            let documented = manual.options[command] ?? []
            #expect(documented == options,
                    "dxtop \(command): only in the page \(documented.subtracting(options).sorted()), only in --help \(options.subtracting(documented).sorted()); \(regenerate)")
        }
    }

    @Test("the page is one mdoc page for dxtop in section 1")
    func header() throws {
        let mdoc = try RepositoryFiles.text("docs/man/dxtop.1")
        #expect(mdoc.contains("\n.Dt DXTOP 1\n"))
        #expect(mdoc.contains("\n.Nm dxtop\n"))
    }
}

/// The commands of a generate-manual page (one page, nested `.Bl` lists) and each one's option
/// names. ArgumentParser's `help` command, which `--help` does not list, is left out.
struct ManualPageOutline {
    /// Command path ("" for dxtop itself, "jobs list") → option names ("-o", "--output").
    private(set) var options: [String: Set<String>] = [:]

    init(mdoc: String) {
        var scopes: [[String]] = []
        var item: String?
        for line in mdoc.split(separator: "\n").map(String.init) {
            if line.hasPrefix(".Sh ") {
                scopes = line == ".Sh DESCRIPTION" ? [[]] : []
                if !scopes.isEmpty { options[""] = [] }
            } else if scopes.isEmpty {
                continue
            } else if line.hasPrefix(".It Em ") {
                let label = line.dropFirst(".It Em ".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                item = String(label.split(separator: ",").first ?? "")
            } else if line.hasPrefix(".Bl") {
                let path = scopes.last ?? []
                scopes.append(item.map { path + [$0] } ?? path)
                if let item, item != "help" { options[(path + [item]).joined(separator: " "), default: []] = [] }
                item = nil
            } else if line == ".El" {
                _ = scopes.popLast()
                item = nil
            } else if line.hasPrefix(".It Fl ") {
                item = nil
                guard let path = scopes.last, !path.contains("help") else { continue }
                options[path.joined(separator: " "), default: []].formUnion(Self.flagNames(line))
            }
        }
    }

    /// `.It Fl o , -output Ar format` → ["-o", "--output"] (mdoc's `Fl x` prints `-x`).
    static func flagNames(_ line: String) -> [String] {
        var names: [String] = []
        var inFlags = false
        for word in line.split(separator: " ").dropFirst() {
            if word == "Fl" { inFlags = true } else if word.first?.isUppercase == true, word.count == 2 { inFlags = false } else if inFlags, word != "," { names.append("-" + word) }
        }
        return names
    }
}

/// The subcommands and option names of one `--help` text.
struct HelpOutline {
    private(set) var subcommands: [String] = []
    private(set) var options: Set<String> = []

    init(help: String) {
        var section = ""
        for line in help.split(separator: "\n").map(String.init) {
            if let first = line.first, first.isUppercase, let colon = line.firstIndex(of: ":") {
                section = String(line[..<colon])
                continue
            }
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
            let entry = line.dropFirst(2)
            let names = entry.range(of: "  ").map { entry[..<$0.lowerBound] } ?? entry
            if section == "SUBCOMMANDS", let name = names.split(separator: " ").first,
               name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
                subcommands.append(String(name))
            } else if section.hasSuffix("OPTIONS"), names.hasPrefix("-") {
                let withoutValues = names.replacing(#/<[^>]*>/#, with: "")
                // A long name may leave one space before the help text: the names are the leading "-" words.
                let words = withoutValues.split(whereSeparator: { $0 == "," || $0 == "/" || $0 == " " })
                options.formUnion(words.prefix { $0.hasPrefix("-") }.map(String.init))
            }
        }
    }
}
