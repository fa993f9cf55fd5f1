import Foundation
import ICWSSimulator
import ICWSWire
import Testing

@Suite("401 answers of the session checks")
struct SessionCheckTests {
    static let wwwAuthenticate = #"ICWS realm="ICWS" location="/ICWS/connection""#

    @Test func unknownSessionIdIs401Code1() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let response = try await session.send(.GET, ICWSPath.jobs("12345678"))
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == Self.wwwAuthenticate)
            #expect(response.error?.errorCode == 1)
            #expect(response.error?.message == "This request requires a session ID!")
        }
    }

    @Test func missingOrWrongCSRFTokenIs401Code2() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let missing = try await session.send(.GET, ICWSPath.jobs(session.id), csrf: false)
            let wrong = try await session.send(.GET, ICWSPath.jobs(session.id), headers: [(ICWSProtocol.csrfTokenHeader, "nope")], csrf: false)
            for response in [missing, wrong] {
                #expect(response.status == 401)
                #expect(response.header("WWW-Authenticate") == Self.wwwAuthenticate)
                #expect(response.error?.errorCode == 2)
                #expect(response.error?.message == "An authentication token was expected in the request, but not found.")
            }
        }
    }

    @Test func missingOrWrongCookieIs401Code2() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let missing = try await session.send(.GET, ICWSPath.jobs(session.id), cookie: false)
            let wrong = try await session.send(.GET, ICWSPath.jobs(session.id), headers: [("Cookie", "icws_\(session.id)=forged")], cookie: false)
            for response in [missing, wrong] {
                #expect(response.status == 401)
                #expect(response.error?.errorCode == 2)
                #expect(response.header("WWW-Authenticate") == Self.wwwAuthenticate)
            }
        }
    }

    @Test func pollingNeedsTheCookieButNotTheCSRFHeader() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            let withoutCSRF = try await session.send(.GET, ICWSPath.messages(session.id), csrf: false)
            #expect(withoutCSRF.status == 200)
            #expect(withoutCSRF.text == "[]")
            let withoutCookie = try await session.send(.GET, ICWSPath.messages(session.id), csrf: false, cookie: false)
            #expect(withoutCookie.status == 401)
        }
    }

    @Test func heartbeatIs204() async throws {
        try await withSimulator { simulator in
            let session = try await WireClient(baseURL: simulator.baseURL).session()
            #expect(try await session.send(.POST, ICWSPath.heartbeat(session.id)).status == 204)
        }
    }
}
