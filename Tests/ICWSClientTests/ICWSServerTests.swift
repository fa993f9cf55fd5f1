import Testing
@testable import ICWSClient

@Suite struct ICWSServerTests {
    @Test func bareHostIsHTTPSOn8019() throws {
        let server = try ICWSServer(parsing: "cic01")
        #expect(server == ICWSServer(scheme: "https", host: "cic01", port: 8019))
        #expect(server.description == "https://cic01:8019")
    }

    @Test func fullURLIsKept() throws {
        #expect(try ICWSServer(parsing: "http://127.0.0.1:8018") == ICWSServer(scheme: "http", host: "127.0.0.1", port: 8018))
        #expect(try ICWSServer(parsing: " HTTPS://cic01.example.com:9443/ ") == ICWSServer(scheme: "https", host: "cic01.example.com", port: 9443))
    }

    @Test func schemeGivesDefaultPort() throws {
        #expect(try ICWSServer(parsing: "https://h").port == 8019)
        #expect(try ICWSServer(parsing: "http://h").port == 8018)
        #expect(try ICWSServer(parsing: "h:9000") == ICWSServer(scheme: "https", host: "h", port: 9000))
    }

    @Test func ipv6HostIsBracketedInURLs() throws {
        let server = try ICWSServer(parsing: "http://[::1]:8018")
        #expect(server.host == "::1")
        #expect(server.description == "http://[::1]:8018")
    }

    @Test(arguments: ["", "   ", "ftp://cic01", "https://", "https://cic01/icws", "https://u:p@cic01", "cic01:99999",
                      "https://cic01?x=1", "cic 01", "http://cic01:0"])
    func junkIsRefused(text: String) {
        #expect(throws: ICWSError.self) { try ICWSServer(parsing: text) }
        do {
            _ = try ICWSServer(parsing: text)
        } catch let error as ICWSError {
            guard case .invalidServer = error else {
                Issue.record("expected invalidServer, got \(error)")
                return
            }
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func replacingHostKeepsSchemeAndPort() {
        let server = ICWSServer(scheme: "https", host: "cic01", port: 9443)
        #expect(server.replacingHost("cic02") == ICWSServer(scheme: "https", host: "cic02", port: 9443))
    }
}
