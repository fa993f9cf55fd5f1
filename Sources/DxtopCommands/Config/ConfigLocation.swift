import Foundation

/// Where the config file is and reading it: `--config PATH`, else `$DXTOP_CONFIG`, else
/// `$XDG_CONFIG_HOME/dxtop/config.yaml`, else `~/.config/dxtop/config.yaml`.
struct ConfigLocation: Sendable {
    let path: String
    /// True when the path was given (`--config`, `DXTOP_CONFIG`): then the file must exist.
    let isExplicit: Bool

    init(option: String?, environment: [String: String]) {
        if let option, !option.isEmpty {
            (path, isExplicit) = (ConfigFile.expandingTilde(option), true)
        } else if let variable = environment["DXTOP_CONFIG"], !variable.isEmpty {
            (path, isExplicit) = (ConfigFile.expandingTilde(variable), true)
        } else {
            let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
            (path, isExplicit) = (base + "/dxtop/config.yaml", false)
        }
    }

    var exists: Bool { FileManager.default.fileExists(atPath: path) }

    /// The file's text; nil when it does not exist and was not asked for.
    func text() throws -> String? {
        guard exists else {
            if isExplicit { throw CLIError.usage("config file \(ConfigFile.visible(path)) does not exist") }
            return nil
        }
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError.failure("cannot read config file \(ConfigFile.visible(path)) (not readable or not UTF-8)")
        }
    }

    /// The parsed file (empty when there is none); warnings are printed on stderr once here.
    func load(printingWarnings: Bool = true) throws -> ConfigFile {
        guard let text = try text() else { return ConfigFile() }
        let file = try ConfigFile(yaml: text, source: URL(fileURLWithPath: path).lastPathComponent)
        if printingWarnings {
            for warning in file.warnings { StandardStreams.note("warning: " + warning) }
        }
        return file
    }
}
