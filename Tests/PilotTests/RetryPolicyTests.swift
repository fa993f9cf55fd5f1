import DashboardKit
import Foundation
import ICWSWire
import ICWSClient
import Testing
@testable import DashboardRuntime

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test func theFeedsStatesAreShownTyped() {
        let now = Date(timeIntervalSince1970: 1_000)
        let trouble = LinkTrouble.failed(Failure(.unavailable, "refused"))
        #expect(ICWSJobService.status(.reconnecting(attempt: 1, because: trouble), now: now) == .reconnecting(attempt: 1, because: trouble))
        #expect(ICWSJobService.status(.offline(attempt: 4, because: trouble), now: now) == .offline(because: trouble))
        #expect(ICWSJobService.status(.live(.pollingWhileStreamUnstable(every: .seconds(10))), now: now)
                == .pollingWhileStreamUnstable(every: .seconds(10)))
        #expect(ICWSJobService.status(.stale(silentFor: .seconds(30)), now: now) == .stale(since: now.addingTimeInterval(-30)))
    }

    @Test func backoffHasFullJitterUnderAGrowingCappedCeiling() {
        let backoff = Backoff()
        let ceilings = (1...12).map(backoff.ceiling(attempt:))
        #expect(ceilings.first == .milliseconds(500))
        #expect(zip(ceilings, ceilings.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(ceilings.last == .seconds(30))
        var generator = SystemRandomNumberGenerator()
        let draws = (0..<200).map { _ in backoff.delay(attempt: 6, using: &generator) }
        #expect(draws.allSatisfy { $0 >= .zero && $0 <= .seconds(16) })
        #expect(Set(draws).count > 100, "drawn, not fixed")
        #expect(draws.contains { $0 < .seconds(8) }, "full jitter reaches down to zero")
        #expect(backoff.delay(attempt: 1, floor: .seconds(2)) == .seconds(2), "the server's retry: is a floor")
    }
}
