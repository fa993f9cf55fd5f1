import Exporter
import Testing

@Suite("Exposition format from Accept")
struct ExpositionFormatTests {
    @Test("Prometheus's default Accept gets OpenMetrics; plain text, */* and none get the Prometheus text")
    func negotiation() {
        let prometheus = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
        #expect(ExpositionFormat(accept: prometheus) == .openMetrics)
        #expect(ExpositionFormat(accept: "text/plain") == .prometheusText)
        #expect(ExpositionFormat(accept: "*/*") == .prometheusText)
        #expect(ExpositionFormat(accept: nil) == .prometheusText)
        #expect(ExpositionFormat(accept: "application/openmetrics-text; q=0") == .prometheusText)
    }
}
