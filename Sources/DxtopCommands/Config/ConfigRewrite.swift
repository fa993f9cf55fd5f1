import Foundation

/// Changing the config file without disturbing the rest of it.
enum ConfigRewrite {
    /// The text with its top-level `current-context:` line replaced (its comment kept), or such a
    /// line added at the top (after a `---` marker) when there is none.
    static func settingCurrentContext(_ name: String, in text: String) -> String {
        let value = name.wholeMatch(of: /[A-Za-z0-9][A-Za-z0-9._\/-]*/) != nil ? name : quoted(name)
        var lines = text.components(separatedBy: "\n")
        if let index = lines.firstIndex(where: { $0.hasPrefix("current-context:") || $0.hasPrefix("current-context ") }) {
            let comment = lines[index].firstMatch(of: /\s+#.*$/).map { String($0.output) } ?? ""
            lines[index] = "current-context: " + value + comment
        } else {
            let at = lines.first == "---" ? 1 : 0
            lines.insert("current-context: " + value, at: at)
        }
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    private static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Replaces the file (through a symbolic link, its target) atomically: a new file beside it with
    /// the old one's permissions (0600 if they cannot be read), then a rename.
    static func replace(_ path: String, with text: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let attributes = try? FileManager.default.attributesOfItem(atPath: target.path)
        let mode = (attributes?[.posixPermissions] as? NSNumber)?.uint16Value ?? 0o600
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).dxtop-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8),
                                             attributes: [.posixPermissions: NSNumber(value: mode)]) else {
            throw CLIError.failure("cannot write beside \(ConfigFile.visible(target.path)) (is the folder writable?)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw CLIError.failure("cannot replace \(ConfigFile.visible(target.path))")
        }
    }
}
