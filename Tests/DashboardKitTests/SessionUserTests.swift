import Foundation
import ICWSWire
import JobComposition
import Testing
@testable import DashboardKit

/// The session's user id is what the header shows (as the docs and the login say it) and what a
/// new job is submitted as; the display name the server gave is kept beside it.
@Suite("Session user")
struct SessionUserTests {
    @Test func theHeaderShowsTheUserIdNotTheDisplayName() {
        var state = Fixture.state(jobs: [Fixture.job(1043, .started, name: "nightly")])
        Fixture.send(&state, .sessionStarted(user: SessionUser(id: "admin", displayName: "Administrator"), server: "cic01.example.com"))
        let header = Snapshot.render(state, width: 120, height: 40).lines[0]
        #expect(header.contains("admin@cic01.example.com"))
        #expect(!header.contains("Administrator"))
        #expect(state.servers[0].sessionUser?.displayName == "Administrator")
    }

    @Test func aComposedJobIsSubmittedAsTheUserId() throws {
        var state = Fixture.state(jobs: [Fixture.job(1043, .started, name: "nightly")])
        Fixture.send(&state, .sessionStarted(user: SessionUser(id: "admin", displayName: "Administrator"), server: "cic01.example.com"))
        Fixture.press(&state, .char("n"))
        Fixture.send(&state, .dictionaryLoaded(ComposerTests.dictionary, at: Fixture.at(30)))
        Fixture.press(&state, .char(" "), .char("e"), .char("x"), .enter)
        let effects = Fixture.press(&state, .char("y"))
        let config = try #require(effects.compactMap { if case .submitJob(_, let c, _) = $0 { c } else { nil } }.first)
        #expect(config.submittedUserId == "admin")
    }
}

/// The header while the server is down: "dxtop" stays, and the address is whole or visibly cut
/// (an ellipsis), never a port cut short that reads as another port.
@Suite("Header when the server is down")
struct HeaderDownTests {
    @Test(arguments: [60, 80, 100, 120, 160])
    func theTitleStaysAndACutAddressLooksCut(width: Int) {
        var state = DashboardState(options: DashboardOptions(timeFormat: .utc, server: "http://127.0.0.1:18018", user: "admin"),
                                   width: width, height: 24)
        Fixture.send(&state, .pageLoaded(jobs: [Fixture.job(1043, .finished)], olderThan: nil, requested: 50, at: Fixture.at(29)))
        Fixture.send(&state, .connectionChanged(.offline(because: .failed(Failure(.unavailable, "Could not connect to 127.0.0.1:18018: connection refused (ECONNREFUSED)"))),
                                                at: Fixture.at(30)))
        let header = Snapshot.render(state, width: width, height: 24).lines[0]
        #expect(header.hasPrefix("dxtop  "), "\(header)")
        let shown = String(header.dropFirst("dxtop  ".count).prefix { $0 != " " })
        let whole = ["admin@http://127.0.0.1:18018", "http://127.0.0.1:18018"]
        #expect(whole.contains(shown) || (shown.hasSuffix("…") && whole.contains { $0.hasPrefix(shown.dropLast()) }),
                "address shown as \(shown) in: \(header)")
        #expect(header.contains("offline"))
    }
}
