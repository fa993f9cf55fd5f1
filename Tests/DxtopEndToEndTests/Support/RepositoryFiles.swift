import Foundation

/// Checked-in files the tests compare the built binary with (VERSION, docs/man/dxtop.1).
enum RepositoryFiles {
    /// The repository's top folder (this file is Tests/DxtopEndToEndTests/Support/RepositoryFiles.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The text of `path`, relative to the top folder.
    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
