import ICWSWire
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// A minimal HTTPS server on 127.0.0.1 (ephemeral port) with one of the `TestCertificates` leaves:
/// it answers POST /icws/connection with a 201 offering data-extractor 2, and anything else (the
/// logout) with 204. Enough for a real TLS handshake under `ICWSSession.connect()` or `dxtop doctor`.
public final class HTTPSLoginServer: Sendable {
    public let port: Int
    private let channel: any Channel

    private init(port: Int, channel: any Channel) {
        self.port = port
        self.channel = channel
    }

    /// Serves `certificatePEM` (the CA-signed leaf for 127.0.0.1 unless told).
    public static func start(certificatePEM: String = TestCertificates.goodPEM) async throws -> HTTPSLoginServer {
        let certificate = try NIOSSLCertificate(bytes: Array(certificatePEM.utf8), format: .pem)
        let key = try NIOSSLPrivateKey(bytes: Array(TestCertificates.leafKeyPEM.utf8), format: .pem)
        let context = try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(certificate)], privateKey: .privateKey(key)))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(LoginResponder())
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return HTTPSLoginServer(port: channel.localAddress?.port ?? 0, channel: channel)
    }

    public func stop() async {
        try? await channel.close()
    }

    /// Runs `body` with a started server, stopping it however `body` ends.
    public static func with<T>(certificatePEM: String = TestCertificates.goodPEM,
                               _ body: (HTTPSLoginServer) async throws -> T) async throws -> T {
        let server = try await start(certificatePEM: certificatePEM)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }
}

/// Answers each request once its end arrives.
private final class LoginResponder: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let loginBody = #"{"csrfToken":"tls-csrf","sessionId":"4242","userID":"admin","# +
        #""features":[{"featureId":"data-extractor","version":2},{"featureId":"messaging","version":1}]}"#

    private var isLogin = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            isLogin = head.method == .POST && head.uri.hasPrefix(ICWSPath.connection + "?")
        case .body:
            break
        case .end:
            let body = isLogin ? Self.loginBody : ""
            var headers = HTTPHeaders([("Content-Length", "\(body.utf8.count)")])
            if isLogin {
                headers.add(name: "Content-Type", value: ICWSProtocol.mediaType)
                headers.add(name: "Set-Cookie", value: "icws_tls1=cookie; Path=/icws/tls1; HttpOnly")
            }
            let head = HTTPResponseHead(version: .http1_1, status: isLogin ? .created : .noContent, headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            if !body.isEmpty { context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil) }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    /// A client that refuses the certificate aborts the handshake: just close.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
