import DashboardKit
import ICWSClient
import Testing
@testable import DashboardRuntime

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test func connectionTroubleTurnsOfflineAfterAFewAttempts() {
        #expect(ICWSJobService.trouble(attempt: 1, reason: "refused") == .reconnecting(attempt: 1, reason: "refused"))
        let last = ICWSJobService.offlineAfterAttempts
        #expect(ICWSJobService.trouble(attempt: last - 1, reason: "x") == .reconnecting(attempt: last - 1, reason: "x"))
        #expect(ICWSJobService.trouble(attempt: last, reason: "x") == .offline(reason: "x"))
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
