import DashboardKit
import DashboardRuntime
import ICWSSimulator
import ICWSWire
import Testing

/// Themes (`theme:`, `colors:`, a context's `color:`, `NO_COLOR` over all of them) as the cells of
/// the frame show them, and the mouse (`mouse: true`) as clicks and wheel turns put through the
/// runtime like keys.
@Suite("Pilot: themes and mouse")
struct ThemeMouseFlowTests {
    /// Where the STATE column starts (after the two-cell marker column).
    static let stateColumn = 2

    /// Screen rows of the job list whose STATE column shows `word`.
    static func stateRows(_ pilot: Pilot, _ word: String) -> [Int] {
        pilot.grid.lines.enumerated().filter { $0.element.dropFirst(stateColumn).hasPrefix(word + " ") }.map(\.offset)
    }

    /// The column (in cells: no wide text in these frames) where `text` starts on `row`.
    static func column(of text: String, row: Int, in pilot: Pilot) -> Int? {
        let line = pilot.grid.lines[row]
        return line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }

    static func colours(_ pilot: Pilot) -> Set<TextColor> {
        var found: Set<TextColor> = []
        for row in 0..<pilot.grid.height {
            for col in 0..<pilot.grid.width { if let color = pilot.grid.style(atRow: row, col: col).color { found.insert(color) } }
        }
        return found
    }

    static func withThemedPilot(_ theme: Theme, color: Bool = true, _ body: (Pilot) async throws -> Void) async throws {
        try await withSimulator { simulator in
            var options = DashboardOptions(server: "pilot", user: "admin")
            options.theme = theme
            let pilot = try Pilot(options: options, simulators: [simulator], color: color)
            try await pilot.start()
            try await finally(await body(pilot)) { await pilot.stop() }
        }
    }

    @Test func theLightThemeUsesNoYellowCyanOrWhite() async throws {
        let expected: [String: TextColor?] = ["started": .blue, "queued": .blue, "failed": .red, "finished": .green,
                                              "canceled": .magenta, "submitted": nil]
        try await Self.withThemedPilot(Theme(.light)) { pilot in
            var checked = 0
            for (word, color) in expected {
                guard let row = Self.stateRows(pilot, word).first else { continue }
                #expect(pilot.grid.style(atRow: row, col: Self.stateColumn).color == color, "\(word) on row \(row)")
                checked += 1
            }
            #expect(checked >= 3, "too few states on screen:\n\(pilot.screen)")
            let unreadable = Self.colours(pilot).intersection([.yellow, .cyan, .white])
            #expect(unreadable.isEmpty, "colours unreadable on white: \(unreadable)")
        }
        // The dark theme (the default) keeps the colours it always had.
        try await Self.withThemedPilot(.dark) { pilot in
            let row = try #require(Self.stateRows(pilot, "started").first, "no started job:\n\(pilot.screen)")
            #expect(pilot.grid.style(atRow: row, col: Self.stateColumn).color == .yellow)
        }
    }

    @Test func customColoursReplaceTheBaseThemes() async throws {
        try await Self.withThemedPilot(Theme(.light, colors: [.failed: .cyan, .key: .red])) { pilot in
            let row = try #require(Self.stateRows(pilot, "failed").first, "no failed job:\n\(pilot.screen)")
            #expect(pilot.grid.style(atRow: row, col: Self.stateColumn).color == .cyan, "the operator's own colour, even cyan on light")
            let footer = pilot.grid.height - 1
            let help = try #require(Self.column(of: "? help", row: footer, in: pilot))
            #expect(pilot.grid.style(atRow: footer, col: help).color == .red)
        }
    }

    @Test func highContrastIsBoldAndReverseNeverDim() async throws {
        try await Self.withThemedPilot(Theme(.highContrast)) { pilot in
            let row = try #require(Self.stateRows(pilot, "failed").first, "no failed job:\n\(pilot.screen)")
            let failed = pilot.grid.style(atRow: row, col: Self.stateColumn)
            #expect(failed.bold && failed.reverse)
            let dim = (0..<pilot.grid.height).flatMap { row in (0..<pilot.grid.width).filter { pilot.grid.style(atRow: row, col: $0).dim }.map { "\(row),\($0)" } }
            #expect(dim.isEmpty, "dim cells: \(dim.prefix(5))")
        }
    }

    static let contexts = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "admin"),
                                                      ContextOptions(name: "prod", server: "prod", user: "admin", color: .red)])

    static func withTwoServers(color: Bool = true, theme: Theme = .dark, _ body: (Pilot) async throws -> Void) async throws {
        try await withSimulator({ $0.jobCount = 3 }) { lab in
            try await withSimulator({ $0.jobCount = 3 }) { prod in
                var options = contexts
                options.theme = theme
                let pilot = try Pilot(options: options, simulators: [lab, prod], color: color)
                try await pilot.start()
                try await pilot.waitFor("both servers connected") { $0.state.servers.allSatisfy { $0.connection == .connected } }
                try await finally(await body(pilot)) { await pilot.stop() }
            }
        }
    }

    @Test func aContextsColourShowsInTheContextColumnAndTheHeader() async throws {
        try await Self.withTwoServers { pilot in
            let lines = pilot.grid.lines
            // The CONTEXT column follows STATE; a list row is "  <state> <context> ...".
            let headingRow = try #require(lines.firstIndex { $0.contains("CONTEXT") })
            let contextColumn = try #require(Self.column(of: "CONTEXT", row: headingRow, in: pilot))
            let prodRow = try #require(lines.firstIndex { $0.dropFirst(contextColumn).hasPrefix("prod ") })
            let labRow = try #require(lines.firstIndex { $0.dropFirst(contextColumn).hasPrefix("lab ") })
            #expect(pilot.grid.style(atRow: prodRow, col: contextColumn).color == .red)
            #expect(pilot.grid.style(atRow: labRow, col: contextColumn).color == nil, "a context without a colour stays plain")
            // The header's line per server.
            let prodHeader = try #require(lines.firstIndex { $0.hasPrefix("  prod  ") }, "\(pilot.screen)")
            let labHeader = try #require(lines.firstIndex { $0.hasPrefix("  lab  ") })
            #expect(pilot.grid.style(atRow: prodHeader, col: 2).color == .red)
            #expect(pilot.grid.style(atRow: labHeader, col: 2).color == nil)
        }
    }

    @Test func noColourWinsOverThemesAndContextColoursAndStatesStayWords() async throws {
        try await Self.withTwoServers(color: false, theme: Theme(.light, colors: [.failed: .magenta])) { pilot in
            #expect(Self.colours(pilot).isEmpty, "a colour on a no-colour frame")
            let words = ["submitted", "queued", "started", "finished", "failed", "canceled"].filter { !Self.stateRows(pilot, $0).isEmpty }
            #expect(!words.isEmpty, "no state word in the list:\n\(pilot.screen)")
            #expect(pilot.screen.contains("prod"))
        }
    }

    static func withMousePilot(mouse: Bool = true, _ body: (Pilot) async throws -> Void) async throws {
        try await withSimulator { simulator in
            var options = DashboardOptions(server: "pilot", user: "admin")
            options.mouse = mouse
            let pilot = try Pilot(options: options, simulators: [simulator])
            try await pilot.start()
            try await finally(await body(pilot)) { await pilot.stop() }
        }
    }

    @Test func aClickSelectsTheRowUnderIt() async throws {
        try await Self.withMousePilot { pilot in
            let first = try #require(pilot.selectedLine)
            let before = try #require(pilot.state.selectedIndex)
            try await pilot.press(.mouse(MouseEvent(.click, row: first + 4, col: 20)))
            #expect(pilot.state.selectedIndex == before + 4)
            #expect(pilot.selectedLine == first + 4)
            // A click on the header selects nothing.
            try await pilot.press(.mouse(MouseEvent(.click, row: 0, col: 20)))
            #expect(pilot.state.selectedIndex == before + 4)
        }
    }

    @Test func theWheelMovesTheSelectionThreeRowsATurn() async throws {
        try await Self.withMousePilot { pilot in
            let before = try #require(pilot.state.selectedIndex)
            try await pilot.press(.mouse(MouseEvent(.wheelDown, row: 10, col: 10)), .mouse(MouseEvent(.wheelDown, row: 10, col: 10)))
            #expect(pilot.state.selectedIndex == before + 6)
            try await pilot.press(.mouse(MouseEvent(.wheelUp, row: 10, col: 10)))
            #expect(pilot.state.selectedIndex == before + 3)
        }
    }

    @Test func aClickOnAFooterKeyDoesWhatTheKeyDoes() async throws {
        try await Self.withMousePilot { pilot in
            let footer = pilot.grid.height - 1
            let sort = try #require(Self.column(of: "s sort", row: footer, in: pilot), "\(pilot.grid.lines[footer])")
            #expect(pilot.state.sort == .newest)
            try await pilot.press(.mouse(MouseEvent(.click, row: footer, col: sort + 3)))
            #expect(pilot.state.sort != .newest, "a click on the label presses its key")
            let help = try #require(Self.column(of: "? help", row: footer, in: pilot))
            try await pilot.press(.mouse(MouseEvent(.click, row: footer, col: help)))
            #expect(pilot.screen.contains("closes"), "the help opened:\n\(pilot.screen)")
        }
    }

    @Test func withoutMouseTrueClicksDoNothing() async throws {
        try await Self.withMousePilot(mouse: false) { pilot in
            let first = try #require(pilot.selectedLine)
            let before = try #require(pilot.state.selectedIndex)
            try await pilot.press(.mouse(MouseEvent(.click, row: first + 4, col: 20)), .mouse(MouseEvent(.wheelDown, row: 10, col: 10)))
            #expect(pilot.state.selectedIndex == before)
        }
    }
}
