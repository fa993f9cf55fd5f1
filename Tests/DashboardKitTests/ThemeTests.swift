import Testing
@testable import DashboardKit

/// How a view's style becomes what the surface gets: roles through the theme, the operator's own
/// colours on top, and a context's colour over both.
@Suite("Themes")
struct ThemeTests {
    @Test func aRoleTakesTheThemesStyleUnderTheViewsFlags() {
        let resolved = Theme(.light).resolve(CellStyle(.started, bold: true, underline: true))
        #expect(resolved == CellStyle(color: .blue, bold: true, underline: true))
        #expect(Theme.dark.resolve(CellStyle(.started)) == CellStyle(color: .yellow))
    }

    @Test func customColoursReplaceOnlyTheColour() {
        let theme = Theme(.highContrast, colors: [.failed: .magenta])
        #expect(theme.resolve(CellStyle(.failed)) == CellStyle(color: .magenta, bold: true, reverse: true))
    }

    @Test func aContextsOwnColourWinsOverTheThemeAndColorsContext() {
        let theme = Theme(.dark, colors: [.context: .green])
        #expect(theme.resolve(CellStyle(.context, color: .red)).color == .red)
        #expect(theme.resolve(CellStyle(.context)).color == .green)
    }

    @Test func theLightThemeMovesRawColoursOffWhiteButKeepsRoles() {
        let light = Theme(.light)
        #expect(light.resolve(CellStyle(color: .yellow)).color == .magenta)
        #expect(light.resolve(CellStyle(color: .cyan)).color == .blue)
        #expect(light.resolve(CellStyle(color: .white)).color == nil)
        for role in StyleRole.allCases {
            #expect(![TextColor.yellow, .cyan, .white].contains(light.resolve(CellStyle(role)).color), "\(role)")
        }
    }

    @Test func highContrastHasNoDim() {
        let theme = Theme(.highContrast)
        #expect(!theme.resolve(CellStyle(dim: true)).dim)
        #expect(!theme.resolve(CellStyle(.muted)).dim)
        #expect(Theme.dark.resolve(CellStyle(.muted)).dim)
    }
}
