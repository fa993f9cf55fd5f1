import Foundation
import Testing
@testable import DashboardKit

/// Renders states on a `GridSurface` and compares them with text files under `Snapshots/`.
///
/// A missing file is written and the test fails, so recording is always an explicit step:
/// run once, review the new file, run again.
enum Snapshot {
    static func render(_ state: DashboardState, width: Int, height: Int, glyphs: Glyphs = .unicode, now: Date = Fixture.now) -> GridSurface {
        let surface = GridSurface(width: width, height: height)
        var sized = state
        _ = update(&sized, .resize(width: width, height: height))
        DashboardView.render(sized, on: surface, options: RenderOptions(glyphs: glyphs, color: true, now: now))
        return surface
    }

    static func directory(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    /// Compares the surface's body with `Snapshots/<name>.txt`: every row but the footer (the last
    /// row; `footer: true` keeps it, for a screen without one), which `FooterSnapshotTests`
    /// compare for every context in one file, so a new binding does not change every screen.
    static func assertMatches(_ surface: GridSurface, named name: String, footer: Bool = false,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        assertMatches(text: body(surface, footer: footer), named: name, sourceLocation: sourceLocation)
    }

    static func body(_ surface: GridSurface, footer: Bool = false) -> String {
        (footer ? surface.lines : surface.lines.dropLast()).joined(separator: "\n")
    }

    /// Compares `text` with `Snapshots/<name>.txt`.
    static func assertMatches(text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory().appendingPathComponent("\(name).txt")
        let actual = text + "\n"
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory(), withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("Recorded a new snapshot \(file.path); review it and run the tests again.", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var diff: [String] = []
            for i in 0..<max(expectedLines.count, actualLines.count) {
                let e = i < expectedLines.count ? String(expectedLines[i]) : "<none>"
                let a = i < actualLines.count ? String(actualLines[i]) : "<none>"
                if e != a { diff.append("line \(i + 1):\n  expected: \(e)\n  actual:   \(a)") }
            }
            let message: String = "Snapshot \(name) differs:\n" + diff.prefix(12).joined(separator: "\n")
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
