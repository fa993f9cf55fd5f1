import Foundation
@testable import ICWSClientPieces
import ICWSWire

/// The login answer and error bodies: `connectionResponse`, `ICWSErrorBody` (with its alternate
/// host list) and the session cookie picked from `Set-Cookie` lines. Every alternate host that
/// passes the host check must be safe to put in a URL.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLogin(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = fuzzData(start, count)
    let data = Data(bytes)
    _ = try? ICWSJSON.decode(ConnectionResponse.self, from: data)
    var hosts: [String] = []
    if let body = try? ICWSJSON.decode(ICWSErrorBody.self, from: data) { hosts = body.alternateHostList ?? [] }
    let text = String(decoding: bytes, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The first lines as host candidates too: enough to reach every branch of the host check, and
    // few enough that an input costs microseconds, not a URL parse per line of 4 KB.
    hosts += lines.prefix(8)
    for candidate in hosts {
        if let host = ICWSServer.validHost(candidate) {
            require(!host.contains(where: { "@/?# \\\r\n\t%".contains($0) }), "unsafe host \(host.debugDescription)")
            require(host.utf8.count <= 253, "long host")
        }
        _ = try? ICWSServer(parsing: candidate)
    }
    if let cookie = SessionCookie.pick(from: lines, sessionId: lines.first ?? "") {
        require(cookie.hasPrefix("icws_") && cookie.contains("=") && !cookie.contains(";"), "cookie \(cookie.debugDescription)")
    }
    let redaction = Redaction(password: lines.first ?? "")
    redaction.remember(csrfToken: lines.dropFirst().first ?? "", cookie: lines.dropFirst(2).first)
    let redacted = redaction.redact(text)
    if let secret = lines.first, !secret.isEmpty { require(redacted.firstRange(of: secret) == nil || Redaction.mark.firstRange(of: secret) != nil, "password left") }
    return 0
}
