import Foundation
import Testing

/// Views name what a cell is (a `StyleRole`) and the theme picks its colour: a colour written in a
/// view escapes custom `colors:` and high contrast (found in the insight and dialog views after
/// themes landed). Only the theme itself and the drawing primitives may name colours.
@Suite("Views ask the theme for roles")
struct ThemeRolesTests {
    @Test("no DashboardKit source outside Drawing/ names a colour")
    func noColourOutsideTheTheme() throws {
        let folder = ModuleDiagramTests.root.appendingPathComponent("Sources/DashboardKit")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.path.contains("/Drawing/") }
        #expect(files.count > 50)
        let colour = /color: \.(red|green|yellow|blue|magenta|cyan|white)|\bdim: true/
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (number, line) in lines.enumerated() where line.contains(colour) {
                Issue.record("\(file.lastPathComponent):\(number + 1) names a colour; ask the theme for a role: \(line)")
            }
        }
    }
}
