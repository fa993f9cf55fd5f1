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

    private func message(_ text: String) -> String? {
        do {
            _ = try ICWSServer(parsing: text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["https://jdoe:Sup3rSecret@cic01:8019", "jdoe:Sup3rSecret@cic01", "http://Sup3rSecret@cic01/x",
                      "https://jdoe:Sup3r@Secret@cic01", "https://jdoe:Sup3rSecret%40x@cic01?q"])
    func userInfoIsRefusedWithoutEchoingIt(text: String) {
        #expect(message(text) == "invalid server: user name or password in the server URL is not allowed")
    }

    @Test func pathOrQueryErrorsEchoOnlySchemeHostAndPort() {
        #expect(message("https://cic01:9443/icws/Sup3rSecret") ==
                "invalid server: give only a host (and port), not a path or query: use https://cic01:9443")
        #expect(message("cic01?token=Sup3rSecret") ==
                "invalid server: give only a host (and port), not a path or query: use https://cic01:8019")
        #expect(message("http://cic01#Sup3rSecret")?.contains("Sup3rSecret") == false)
    }

    @Test func unparsableTextIsNotEchoed() throws {
        let text = try #require(message("cic 01 Sup3rSecret"))
        #expect(!text.contains("Sup3rSecret"))
        #expect(text.hasPrefix("invalid server: "))
    }

    @Test(arguments: ["cic02", "cic02.example.com", "10.0.0.7", "::1", "[fe80::1]", "host_with_underscore"])
    func plainHostsAreValid(host: String) {
        #expect(ICWSServer.validHost(host) != nil)
    }

    @Test(arguments: ["", "evil@host", "h/x?", "h?x", "h#x", "a b", "-lead", ".lead", "h\u{1B}[2J", "host:8019x", "[::1",
                      "user:pw@cic01", "h%2F", "\u{00E9}t\u{00E9}"])
    func hostsThatWouldChangeTheURLAreInvalid(host: String) {
        #expect(ICWSServer.validHost(host) == nil, "\(host)")
    }

    @Test func bracketsAreRemovedFromIPv6Hosts() {
        #expect(ICWSServer.validHost("[::1]") == "::1")
    }
}
