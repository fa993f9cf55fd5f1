import AsyncHTTPClient

/// An HTTP proxy: host, port and optional basic-auth credentials (from a `http://user:pass@host:port` URL).
/// `description` never shows the credentials.
public struct HTTPProxy: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?

    public init(host: String, port: Int, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    /// `http://proxy.example.com:3128` (without any user name or password).
    public var description: String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
    }

    var clientProxy: HTTPClient.Configuration.Proxy {
        guard let username else { return .server(host: host, port: port) }
        return .server(host: host, port: port, authorization: .basic(username: username, password: password ?? ""))
    }
}
