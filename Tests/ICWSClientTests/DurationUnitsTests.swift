import NIOCore
import Testing
@testable import ICWSClient

@Suite struct DurationUnitsTests {
    @Test func ordinarySpansConvertExactly() {
        #expect(Duration.seconds(10).timeAmount == .seconds(10))
        #expect(Duration.milliseconds(1500).timeAmount == .milliseconds(1500))
        #expect(Duration.nanoseconds(7).timeAmount == .nanoseconds(7))
        #expect(Duration.milliseconds(-250).timeAmount == .milliseconds(-250))
        #expect(Duration.milliseconds(1500).wholeMilliseconds == 1500)
        #expect(Duration.microseconds(2999).wholeMilliseconds == 2)
    }

    /// Without saturation `seconds * 1_000_000_000` traps (a `--timeout` of years, `.seconds(.max)`).
    @Test func hugeSpansSaturateInsteadOfTrapping() {
        #expect(Duration.seconds(Int64.max).timeAmount == .nanoseconds(Int64.max))
        #expect(Duration.seconds(Int64.min).timeAmount == .nanoseconds(Int64.min))
        #expect(Duration.seconds(9_300_000_000).timeAmount == .nanoseconds(Int64.max), "just past 292 years")
        #expect(Duration.seconds(Int64.max).wholeMilliseconds == Int64.max)
        #expect(Duration.seconds(Int64.min).wholeMilliseconds == Int64.min)
        #expect(Duration.seconds(Int64.max).spoken.hasSuffix(" s"), "a message, not a trap")
    }

    @Test func spokenForms() {
        #expect(Duration.milliseconds(250).spoken == "250 ms")
        #expect(Duration.seconds(10).spoken == "10 s")
        #expect(Duration.milliseconds(1500).spoken == "1.5 s")
    }
}
