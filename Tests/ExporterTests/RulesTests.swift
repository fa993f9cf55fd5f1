import Foundation
import PrometheusTestSupport
import Testing

/// The shipped alerting rules, checked and unit-tested by the real promtool.
@Suite("deploy/prometheus rules", .enabled(if: PrometheusBinaries.shouldRun, Comment(rawValue: PrometheusBinaries.skipNote)))
struct RulesTests {
    static let deploy = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/prometheus")

    @Test("promtool check rules accepts dxtop-rules.yml")
    func check() throws {
        let result = try PrometheusBinaries.promtool(["check", "rules", "dxtop-rules.yml"], in: Self.deploy.path)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test("promtool test rules: every alert fires where it must and stays quiet where it must not")
    func unitTests() throws {
        let result = try PrometheusBinaries.promtool(["test", "rules", "tests/dxtop-rules.test.yml"], in: Self.deploy.path)
        #expect(result.status == 0, "\(result.output)")
        let rules = try String(contentsOf: Self.deploy.appendingPathComponent("dxtop-rules.yml"), encoding: .utf8)
        let tests = try String(contentsOf: Self.deploy.appendingPathComponent("tests/dxtop-rules.test.yml"), encoding: .utf8)
        let alerts = rules.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("- alert: ") ? String(trimmed.dropFirst("- alert: ".count)) : nil
        }
        #expect(alerts.count == 8)
        for alert in alerts { #expect(tests.contains("alertname: \(alert)\n"), "no unit test for \(alert)") }
        #expect(rules.components(separatedBy: "summary:").count - 1 == alerts.count)
        #expect(rules.components(separatedBy: "runbook:").count - 1 == alerts.count)
    }
}
