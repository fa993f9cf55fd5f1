import DashboardKit
import ICWSSimulator
import ICWSWire
import Testing

/// The column chooser, sorting by a column and `S` reversing it, and saved views carrying columns
/// and a sort, switched by number and by the picker, over two interleaving servers.
@Suite("Pilot: columns, sort and saved views")
struct ColumnsViewsFlowTests {
    static let views = [SavedView(name: "failures", filter: "state:failed", columns: [.state, .name, .id, .error], sort: SortOrder(.name, reversed: true)),
                        SavedView(name: "all", filter: "", sort: .newest)]
    static func options() -> DashboardOptions {
        var options = DashboardOptions(contexts: [ContextOptions(name: "lab", server: "lab", user: "admin"),
                                                  ContextOptions(name: "prod", server: "prod", user: "admin")], pageSize: 20)
        options.views = views
        return options
    }

    /// The names of the rows on screen, top first (the NAME column of each job's row).
    static func names(_ pilot: Pilot) -> [String] {
        pilot.state.visibleIds.compactMap { pilot.state.jobs[$0]?.name }
    }

    /// The list's heading row.
    static func heading(_ pilot: Pilot) -> String {
        pilot.screen.split(separator: "\n").first { $0.contains("STATE") && $0.contains("NAME") }.map(String.init) ?? ""
    }

    @Test func theChooserShowsOrdersSizesAndSortsAndSReverses() async throws {
        try await withSimulator({ $0.jobCount = 12; $0.seed = 1 }) { lab in
            try await withSimulator({ $0.jobCount = 12; $0.seed = 2 }) { prod in
                let pilot = try Pilot(options: Self.options(), simulators: [lab, prod], width: 260, height: 45)
                try await pilot.start()
                try await finally(await run(pilot)) { await pilot.stop() }

                func run(_ pilot: Pilot) async throws {
                    try await pilot.waitFor("both servers' first pages") { $0.state.servers.allSatisfy(\.paging.hasFirstPage) }
                    let newestFirst = pilot.state.visibleIds.map { $0 }
                    #expect(newestFirst == pilot.state.loadOrder.map { $0 }, "the default order is the merged order")

                    // `S` reverses: newest first becomes oldest first, the same jobs turned over.
                    try await pilot.press(.char("S"))
                    #expect(pilot.state.sort == SortOrder(.submitted, reversed: true))
                    #expect(pilot.state.visibleIds.map { $0 } == newestFirst.reversed())
                    #expect(pilot.screen.contains("sort oldest") && pilot.screen.contains("SUBMITTED▲"))
                    try await pilot.press(.char("S"))
                    #expect(pilot.state.visibleIds.map { $0 } == newestFirst)

                    // The chooser: show OUTPUT FOLDER, move it before NAME, widen it, sort by USER.
                    try await pilot.press(.char("o"))
                    #expect(pilot.screen.contains("Columns: choose, order, size, sort"))
                    for _ in 0..<20 where pilot.state.columnChooser?.selected != .output { try await pilot.press(.down) }
                    try await pilot.press(.char(" "), .char("K"), .char("K"), .char("K"), .char("K"), .char("K"), .char("K"), .char("K"))
                    #expect(pilot.state.columns.shown.prefix(3) == [.state, .output, .context], "moved left seven places")
                    try await pilot.press(.char("+"), .char("+"))
                    #expect(pilot.state.columns.width(.output) == 26)
                    for _ in 0..<20 where pilot.state.columnChooser?.selected != .user { try await pilot.press(.char("j")) }
                    try await pilot.press(.char("s"))
                    #expect(pilot.state.sort == .user)
                    try await pilot.press(.char("s"))
                    #expect(pilot.state.sort == SortOrder(.user, reversed: true), "s again on the sorted column reverses it")
                    try await pilot.press(.escape)
                    #expect(pilot.state.columnChooser == nil)
                    let heading = Self.heading(pilot)
                    let output = try #require(heading.range(of: "OUTPUT FOLDER"))
                    let context = try #require(heading.range(of: "CONTEXT"))
                    #expect(output.lowerBound < context.lowerBound, "OUTPUT FOLDER drawn before CONTEXT: \(heading)")
                    #expect(heading.contains("USER▲"))
                    let users = pilot.state.visibleIds.compactMap { pilot.state.jobs[$0]?.submittedUserId.lowercased() }
                    #expect(users == users.sorted(by: >), "Z to A")
                    // The list's rows show the output folder of each job (the simulator gives every job one).
                    let first = try #require(pilot.state.visibleIds.first.flatMap { pilot.state.jobs[$0] })
                    let folder = try #require(first.outputFolder)
                    #expect(!folder.isEmpty)
                    #expect(pilot.listRow(containing: first.name).contains(String(folder.prefix(10))))

                    // A number key: the view's filter, columns and sort.
                    try await pilot.press(.char("1"))
                    #expect(pilot.state.filter.text == "state:failed")
                    #expect(pilot.state.columns.shown == [.state, .name, .id, .error])
                    #expect(pilot.state.sort == SortOrder(.name, reversed: true))
                    let failedNames = Self.names(pilot)
                    #expect(!failedNames.isEmpty && failedNames.map { $0.lowercased() } == failedNames.map { $0.lowercased() }.sorted(by: >))
                    let viewHeading = Self.heading(pilot)
                    #expect(viewHeading.contains("ERROR") && !viewHeading.contains("USER") && !viewHeading.contains("CONTEXT"), "\(viewHeading)")

                    // The picker lists both views; Enter on the second switches back.
                    try await pilot.press(.char("v"))
                    #expect(pilot.screen.contains("Saved views"))
                    #expect(pilot.screen.contains("failures") && pilot.screen.contains("state:failed, sorted by name reversed"))
                    try await pilot.press(.down, .enter)
                    #expect(pilot.state.viewPicker == nil)
                    #expect(pilot.state.currentView == 1 && pilot.state.filter.text.isEmpty && pilot.state.sort == .newest)
                    #expect(pilot.state.columns.shown == ListColumn.defaults)
                    #expect(pilot.state.visibleIds.map { $0 } == pilot.state.loadOrder.map { $0 })
                    #expect(pilot.screen.contains("View 2, all"))
                }
            }
        }
    }
}
