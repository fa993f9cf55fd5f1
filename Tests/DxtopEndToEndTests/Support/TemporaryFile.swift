import Foundation

/// A file in the temporary directory, removed when the value goes away.
final class TemporaryFile: Sendable {
    let path: String

    init(contents: String, suffix: String = ".json") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-\(UUID().uuidString)\(suffix)").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
