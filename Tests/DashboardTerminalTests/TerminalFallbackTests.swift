import DashboardKit
import Testing
@testable import DashboardTerminal

@Suite("Fallbacks and retry policy")
struct TerminalFallbackTests {
    @Test func nonASCIIBecomesQuestionMarksOfTheSameWidth() {
        #expect(CursesSurface.asciiOnly("job ─ 夜間 é") == "job ? ???? ?")
        #expect(CursesSurface.asciiOnly("plain") == "plain")
    }

    @Test func connectionTroubleTurnsOfflineAfterAFewAttempts() {
        #expect(EffectRunner.trouble(attempt: 1, reason: "refused") == .reconnecting(attempt: 1, reason: "refused"))
        let last = EffectRunner.offlineAfterAttempts
        #expect(EffectRunner.trouble(attempt: last - 1, reason: "x") == .reconnecting(attempt: last - 1, reason: "x"))
        #expect(EffectRunner.trouble(attempt: last, reason: "x") == .offline(reason: "x"))
    }

    @Test func loginBackoffGrowsAndIsCapped() {
        let delays = (1...12).map(EffectRunner.backoff(attempt:))
        #expect(delays.first == .seconds(1))
        #expect(zip(delays, delays.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(delays.last == .seconds(30))
    }
}
