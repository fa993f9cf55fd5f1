import Testing
@testable import DashboardKit

/// The footer's layout is the one source of where its items are: a click at a column finds the
/// binding drawn there, in every shape the footer takes (pairs, the marked count, the tail).
@Suite("Footer clicks")
struct FooterClickTests {
    static func rendered(_ state: DashboardState) -> String {
        let grid = GridSurface(width: state.layout.width, height: state.layout.height)
        DashboardView.render(state, on: grid, options: RenderOptions(now: Fixture.now))
        return grid.lines[state.layout.height - 1]
    }

    static func column(of text: String, in line: String) -> Int? {
        line.range(of: text).map { line.distance(from: line.startIndex, to: $0.lowerBound) }
    }

    @Test func eachKeyOfAPairAndALabelPressTheKeyDrawnThere() throws {
        let state = Scenario.list(width: 120, height: 30)
        let footer = Self.rendered(state)
        let pair = try #require(Self.column(of: "j/k move", in: footer))
        #expect(FooterView.key(at: pair, state, width: 120) == .char("j"))
        #expect(FooterView.key(at: pair + 2, state, width: 120) == .char("k"))
        #expect(FooterView.key(at: pair + 5, state, width: 120) == .char("j"), "the label: the first key")
        let quit = try #require(Self.column(of: "q quit", in: footer))
        #expect(FooterView.key(at: quit, state, width: 120) == .char("q"))
        // The gap before the tail has no item.
        let help = try #require(Self.column(of: "? help", in: footer))
        #expect(footer.dropFirst(help - 1).hasPrefix(" ?"))
        #expect(FooterView.key(at: help - 1, state, width: 120) == nil)
        #expect(FooterView.key(at: help, state, width: 120) == .char("?"))
    }

    @Test func theMarkedCountShiftsTheItemsAndIsNoKey() throws {
        var state = Scenario.list(width: 120, height: 30)
        Fixture.press(&state, .char(" "))
        let footer = Self.rendered(state)
        #expect(footer.hasPrefix("1 marked"))
        #expect(FooterView.key(at: 0, state, width: 120) == nil)
        let sort = try #require(Self.column(of: "s sort", in: footer))
        #expect(FooterView.key(at: sort, state, width: 120) == .char("s"))
    }
}
