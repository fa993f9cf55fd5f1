import Foundation
import ICWSWire

/// Where an ICWS server listens: scheme, host and port.
public struct ICWSServer: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int

    public init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Parses what a user types: `cic01` → `https://cic01:8019`; `http://127.0.0.1:8018` is kept;
    /// `https://h` gets port 8019 and `http://h` port 8018; `h:9000` is HTTPS on port 9000.
    /// Throws `ICWSError.invalidServer` for anything else (other schemes, paths, user info, bad ports).
    /// The messages never repeat the text itself: at most its scheme, host and port (the text may
    /// hold a password, e.g. `https://user:secret@cic01`).
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ICWSError.invalidServer("the server name is empty") }
        let hasScheme = trimmed.contains("://")
        guard !Self.hasUserInfo(trimmed) else {
            throw ICWSError.invalidServer("user name or password in the server URL is not allowed")
        }
        guard let components = URLComponents(string: hasScheme ? trimmed : "https://" + trimmed) else {
            throw ICWSError.invalidServer("not a server name or URL (expected host, host:port or http(s)://host:port)")
        }
        let scheme = (components.scheme ?? "").lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw ICWSError.invalidServer("the scheme must be http or https, not '\(VisibleText.ascii(scheme, limit: 20))'")
        }
        guard let rawHost = components.host, !rawHost.isEmpty else {
            throw ICWSError.invalidServer("the server URL names no host")
        }
        let host = Self.validHost(rawHost)
        guard let host else {
            throw ICWSError.invalidServer("'\(VisibleText.ascii(rawHost, limit: 80))' is not a valid host name")
        }
        let port = components.port ?? (scheme == "https" ? ICWSProtocol.defaultHTTPSPort : ICWSProtocol.defaultHTTPPort)
        guard (1...65535).contains(port) else {
            throw ICWSError.invalidServer("the port must be from 1 to 65535, not \(port)")
        }
        guard components.query == nil, components.fragment == nil, components.path.isEmpty || components.path == "/" else {
            let server = ICWSServer(scheme: scheme, host: host, port: port)
            throw ICWSError.invalidServer("give only a host (and port), not a path or query: use \(server)")
        }
        self.init(scheme: scheme, host: host, port: port)
    }

    /// The same scheme and port on another host (a switchover partner).
    public func replacingHost(_ host: String) -> ICWSServer {
        ICWSServer(scheme: scheme, host: host, port: port)
    }

    /// `https://cic01:8019`.
    public var description: String { "\(scheme)://\(hostForURL):\(port)" }

    /// The host as written in a URL (IPv6 addresses in brackets).
    var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// The host without IPv6 brackets when it is a plain host name or IP address; nil for anything
    /// that could change the URL it goes into (`@`, `/`, `?`, `#`, spaces, controls, ...). The
    /// same check applies to what users type and to the alternate hosts a server names.
    public static func validHost(_ candidate: String) -> String? {
        let host = candidate.hasPrefix("[") && candidate.hasSuffix("]") ? String(candidate.dropFirst().dropLast()) : candidate
        guard !host.isEmpty, host.utf8.count <= 253 else { return nil }
        if host.contains(":") {
            return host.unicodeScalars.allSatisfy { ipv6Characters.contains($0) } ? host : nil
        }
        guard host.unicodeScalars.allSatisfy({ hostNameCharacters.contains($0) }),
              !host.hasPrefix("-"), !host.hasPrefix(".") else { return nil }
        return host
    }

    private static let ipv6Characters = CharacterSet(charactersIn: "0123456789abcdefABCDEF:.")
    private static let hostNameCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")

    /// True when the authority part of `text` (after `scheme://`, before the path) has an `@`.
    private static func hasUserInfo(_ text: String) -> Bool {
        let afterScheme = text.range(of: "://").map { text[$0.upperBound...] } ?? Substring(text)
        return afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.contains("@")
    }
}
