import AsyncHTTPClient

/// The one place an `HTTPClient` is configured from an `ICWSClientConfiguration`: TLS, proxy,
/// connect deadline, no redirects.
enum HTTPClientFactory {
    static func client(for configuration: ICWSClientConfiguration) throws -> HTTPClient {
        let tls = try configuration.tls.makeTLSConfiguration()
        var clientConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(connect: configuration.requestTimeout.timeAmount, read: nil),
            ignoreUncleanSSLShutdown: false)
        // Report "connection refused" at once instead of retrying until the deadline: the feed has
        // its own backoff, and a switchover wants to move on to the partner quickly.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        clientConfiguration.proxy = configuration.proxy?.clientProxy
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
    }
}
