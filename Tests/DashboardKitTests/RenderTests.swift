import Testing
import ICWSWire
@testable import DashboardKit

@Suite("Rendering rules")
struct RenderTests {
    @Test func layoutModesFollowTheSize() {
        #expect(Layout(width: 139, height: 40).mode == .stacked)
        #expect(Layout(width: 140, height: 40).mode == .sideBySide)
        #expect(Layout(width: 60, height: 15).mode == .stacked)
        #expect(Layout(width: 59, height: 40).mode == .tooSmall)
        #expect(Layout(width: 200, height: 14).mode == .tooSmall)
    }

    @Test func stateWordsAreColouredOnlyWhenColoursAreOn() {
        let state = Scenario.list(width: 120, height: 40)
        let coloured = GridSurface(width: 120, height: 40)
        DashboardView.render(state, on: coloured, options: RenderOptions(glyphs: .unicode, color: true, now: Fixture.now))
        let row = coloured.lines.firstIndex { $0.contains("extract-1068") }!
        #expect(coloured.lines[row].contains("failed"), "the state is a word")
        #expect(coloured.style(atRow: row, col: 2).color == .red)

        let plain = GridSurface(width: 120, height: 40)
        DashboardView.render(state, on: plain, options: RenderOptions(glyphs: .unicode, color: false, now: Fixture.now))
        #expect(plain.text == coloured.text, "colour changes no text")
        for r in 0..<40 {
            for c in 0..<120 { #expect(plain.style(atRow: r, col: c).color == nil) }
        }
    }

    @Test func selectedRowIsReversedOnlyWhileTheListHasFocus() {
        var state = Scenario.list(width: 120, height: 40)
        var surface = Snapshot.render(state, width: 120, height: 40)
        #expect(surface.style(atRow: 3, col: 20).reverse)
        #expect(surface.lines[3].hasPrefix("▶"), "the selection is visible without attributes")
        Fixture.press(&state, .tab)
        surface = Snapshot.render(state, width: 120, height: 40)
        #expect(!surface.style(atRow: 3, col: 20).reverse)
        #expect(surface.lines[3].hasPrefix("▶"))
    }

    @Test func resizeRedrawsInTheNewLayout() {
        var state = Scenario.list(width: 200, height: 50)
        #expect(Snapshot.render(state, width: 200, height: 50).lines[2].contains("│ Job 1071"))
        Fixture.send(&state, .resize(width: 100, height: 30))
        let narrow = Snapshot.render(state, width: 100, height: 30)
        #expect(narrow.lines.contains { $0.hasPrefix("── Job 1071") })
    }

    @Test func wrapBreaksAtSpacesAndInsideLongWords() {
        #expect(CleanText("alpha beta gamma").wrapped(to: 10).map(\.value) == ["alpha beta", "gamma"])
        #expect(CleanText("abcdefghijkl").wrapped(to: 5).map(\.value) == ["abcde", "fghij", "kl"])
        #expect(CleanText("夜間抽出ジョブ").wrapped(to: 5).map(\.value) == ["夜間", "抽出", "ジョ", "ブ"])
        #expect(CleanText("line1\r\nline2").wrapped(to: 20).map(\.value) == ["line1 line2"])
        #expect(CleanText("").wrapped(to: 5).map(\.value) == [""])
    }

    @Test func aNewestPageWithNewJobsInTheMiddleKeepsServerOrder() {
        var state = Fixture.state(jobs: [Fixture.job(1005, .started), Fixture.job(1002, .finished), Fixture.job(1001, .finished)])
        let page = [Fixture.job(1006, .queued), Fixture.job(1005, .started), Fixture.job(1004, .queued),
                    Fixture.job(1003, .queued), Fixture.job(1002, .finished)]
        Fixture.send(&state, .pageLoaded(jobs: page, olderThan: nil, requested: 5, at: Fixture.at(30)))
        #expect(state.loadOrder == ["1006", "1005", "1004", "1003", "1002", "1001"])
        #expect(state.selectedId == "1005")
    }
}
