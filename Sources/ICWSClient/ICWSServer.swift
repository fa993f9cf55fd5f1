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
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ICWSError.invalidServer("the server name is empty") }
        let hasScheme = trimmed.contains("://")
        guard let components = URLComponents(string: hasScheme ? trimmed : "https://" + trimmed) else {
            throw ICWSError.invalidServer("'\(trimmed.prefix(80))' is not a server name or URL")
        }
        let scheme = (components.scheme ?? "").lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw ICWSError.invalidServer("the scheme must be http or https, not '\(scheme.prefix(20))'")
        }
        guard let rawHost = components.host, !rawHost.isEmpty else {
            throw ICWSError.invalidServer("'\(trimmed.prefix(80))' names no host")
        }
        guard components.user == nil, components.password == nil, components.query == nil, components.fragment == nil,
              components.path.isEmpty || components.path == "/" else {
            throw ICWSError.invalidServer("give only a host (and port), not a path or query: '\(trimmed.prefix(80))'")
        }
        let host = rawHost.hasPrefix("[") && rawHost.hasSuffix("]") ? String(rawHost.dropFirst().dropLast()) : rawHost
        guard Self.isValidHost(host) else {
            throw ICWSError.invalidServer("'\(host.prefix(80))' is not a valid host name")
        }
        let port = components.port ?? (scheme == "https" ? ICWSProtocol.defaultHTTPSPort : ICWSProtocol.defaultHTTPPort)
        guard (1...65535).contains(port) else {
            throw ICWSError.invalidServer("the port must be from 1 to 65535, not \(port)")
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

    private static func isValidHost(_ host: String) -> Bool {
        if host.contains(":") {
            return host.unicodeScalars.allSatisfy { CharacterSet(charactersIn: "0123456789abcdefABCDEF:.").contains($0) }
        }
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
        return host.count <= 253 && host.unicodeScalars.allSatisfy { allowed.contains($0) }
            && !host.hasPrefix("-") && !host.hasPrefix(".")
    }
}
