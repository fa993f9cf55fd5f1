import DashboardKit
import ICWSWire
import Testing

/// The login user as the docs and the login name it: the header shows the user id the session
/// logged in as (`admin`), not the display name the server gave (`Administrator`).
@Suite("Pilot: the session user")
struct SessionUserFlowTests {
    @Test func theHeaderShowsTheLoginUserId() async throws {
        try await withSimulator { simulator in
            try await withPilot(simulator) { pilot in
                try await pilot.waitFor("the session") { $0.state.servers[0].sessionUser != nil }
                try await pilot.drawn()
                let header = pilot.screen.split(separator: "\n").first.map(String.init) ?? ""
                #expect(header.contains("admin@http://127.0.0.1:"), "\(header)")
                #expect(!header.contains("Administrator"))
                #expect(pilot.state.servers[0].sessionUser == SessionUser(id: "admin", displayName: "Administrator"))
            }
        }
    }
}
