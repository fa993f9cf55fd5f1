import Foundation
import ICWSClient

/// Which HTTP proxy a server is reached through: the context's `proxy:` (`none` for a direct
/// connection), else `https_proxy`/`HTTPS_PROXY` for an HTTPS server or `http_proxy`/`HTTP_PROXY` for
/// an HTTP one, unless `no_proxy`/`NO_PROXY` names the host. Lower-case variables win, as in curl.
enum ProxyChoice {
    static func proxy(for server: ICWSServer, contextProxy: String?, environment: [String: String]) throws -> HTTPProxy? {
        if let contextProxy {
            if contextProxy.lowercased() == "none" { return nil }
            return try parse(contextProxy, from: "proxy")
        }
        let names = server.scheme == "https" ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]
        guard let name = names.first(where: { !(environment[$0] ?? "").isEmpty }), let value = environment[name] else {
            return nil
        }
        let exclusions = environment["no_proxy"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["NO_PROXY"] ?? ""
        if bypasses(server.host, exclusions) { return nil }
        return try parse(value, from: name)
    }

    /// `NO_PROXY` entries: `*` for every host, else host names, domain suffixes (`example.com` and
    /// `.example.com` both cover `cic01.example.com`) or IP addresses; ports are ignored.
    static func bypasses(_ host: String, _ exclusions: String) -> Bool {
        let host = host.lowercased()
        for raw in exclusions.split(separator: ",") {
            var entry = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if entry == "*" { return true }
            if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
                entry = String(entry[entry.index(after: entry.startIndex)..<close])
            } else if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":") {
                entry = String(entry[..<colon])
            }
            while entry.hasPrefix(".") { entry.removeFirst() }
            guard !entry.isEmpty else { continue }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }

    /// `http://[user:password@]host[:port]` (port 80 when absent); `host:port` alone is taken as
    /// `http://host:port`. The messages never repeat the value (it may hold a password).
    static func parse(_ text: String, from source: String) throws -> HTTPProxy {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed
        guard let components = URLComponents(string: withScheme), components.scheme?.lowercased() == "http",
              let host = components.host.flatMap(ICWSServer.validHost), components.path.isEmpty || components.path == "/",
              components.query == nil else {
            throw CLIError.usage("\(source) is not an http://host:port proxy URL")
        }
        let port = components.port ?? 80
        guard (1...65535).contains(port) else { throw CLIError.usage("\(source): the proxy port must be from 1 to 65535") }
        return HTTPProxy(host: host, port: port, username: components.user?.removingPercentEncoding,
                         password: components.password?.removingPercentEncoding)
    }
}
