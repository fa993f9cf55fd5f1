import Foundation

/// A config.yaml in a folder of its own (removed when the value goes away), for `DXTOP_CONFIG`.
final class ConfigFixture: Sendable {
    let folder: String
    var path: String { folder + "/config.yaml" }

    init(_ yaml: String, mode: Int = 0o600) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: NSNumber(value: mode)], ofItemAtPath: path)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// `DXTOP_CONFIG` pointing at the file.
    var environment: [String: String] { ["DXTOP_CONFIG": path] }

    var text: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// A YAML double-quoted scalar (shell commands and URLs need no thought then).
    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }
}
