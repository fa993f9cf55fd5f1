@testable import Exporter
import Testing

@Suite("OpenMetrics rendering")
struct OpenMetricsTests {
    @Test("a counter family loses _total in HELP and TYPE (its samples keep it); gauges unchanged; # EOF last")
    func counters() {
        let text = """
            # HELP dxtop_server_requests_total Requests.
            # TYPE dxtop_server_requests_total counter
            dxtop_server_requests_total{context="a"} 3
            # HELP dxtop_server_up Up.
            # TYPE dxtop_server_up gauge
            dxtop_server_up{context="a"} 1

            """
        let converted = String(decoding: ExpositionFormat.openMetrics.render(Array(text.utf8)), as: UTF8.self)
        #expect(converted == """
            # HELP dxtop_server_requests Requests.
            # TYPE dxtop_server_requests counter
            dxtop_server_requests_total{context="a"} 3
            # HELP dxtop_server_up Up.
            # TYPE dxtop_server_up gauge
            dxtop_server_up{context="a"} 1
            # EOF

            """)
        #expect(ExpositionFormat.prometheusText.render(Array(text.utf8)) == Array(text.utf8))
    }
}
