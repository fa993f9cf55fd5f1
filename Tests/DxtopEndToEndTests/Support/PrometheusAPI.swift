import AsyncHTTPClient
import Foundation

/// Prometheus's HTTP API (`/api/v1/query`) over AsyncHTTPClient.
struct PrometheusAPI: Sendable {
    let client: HTTPClient
    let port: Int

    /// The value of an instant query with one result; nil when it has none (yet). Prometheus not
    /// answering yet (it is starting) also reads as nil.
    func value(_ query: String) async throws -> Double? {
        let results = try await values(query)
        return results.count == 1 ? results[0].value : nil
    }

    /// Every result of an instant query: its labels and value. Empty when there is none (yet).
    func values(_ query: String) async throws -> [(labels: [String: String], value: Double)] {
        try await results(query).compactMap { result in
            guard let pair = result["value"] as? [Any], let text = pair.last as? String, let value = Double(text) else { return nil }
            return ((result["metric"] as? [String: String]) ?? [:], value)
        }
    }

    /// The raw samples of a range selector (`metric{…}[1h]`) with one result, oldest first: each
    /// scrape's time (seconds since 1970) and value. Empty when the series has none (yet).
    func samples(_ rangeQuery: String) async throws -> [(time: Double, value: Double)] {
        let results = try await results(rangeQuery)
        guard results.count == 1, let values = results[0]["values"] as? [[Any]] else { return [] }
        return values.compactMap { pair in
            guard let time = (pair.first as? NSNumber)?.doubleValue, let text = pair.last as? String,
                  let value = Double(text) else { return nil }
            return (time, value)
        }
    }

    /// The `data.result` array of `/api/v1/query`; empty when Prometheus does not answer (yet).
    private func results(_ query: String) async throws -> [[String: Any]] {
        var components = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
        components.queryItems = [URLQueryItem(name: "query", value: query)]
        // A `+` left as is reads as a space in a query string (`le="+Inf"`).
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        let request = HTTPClientRequest(url: components.url!.absoluteString)
        guard let response = try? await client.execute(request, timeout: .seconds(5)) else { return [] }
        let body = try await response.body.collect(upTo: 1 << 22)
        guard response.status == .ok,
              let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let data = json["data"] as? [String: Any], let results = data["result"] as? [[String: Any]]
        else { return [] }
        return results
    }

    /// Polls until `query` equals `expected`; throws after 30 s (a safety net), so a broken
    /// scrape ends the test at the first wait instead of at every one.
    func waitFor(_ query: String, equals expected: Double, pollEvery interval: Duration = .milliseconds(250)) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        var last: Double?
        while ContinuousClock.now < deadline {
            last = try await value(query)
            if last == expected { return }
            try await Task.sleep(for: interval)
        }
        throw PrometheusWaitTimeout(description: "\(query) was \(last.map { "\($0)" } ?? "absent"), not \(expected), after 30 s")
    }
}

struct PrometheusWaitTimeout: Error, CustomStringConvertible {
    let description: String
}
