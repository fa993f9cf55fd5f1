import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS

/// One TLS handshake with a server, verified as the client verifies (`TLSOptions`), and nothing
/// sent over it: for `dxtop doctor`, which must say *why* a certificate is refused. When the chain
/// does not verify, a second handshake without verification reads the certificate's dates; for a
/// name mismatch, its names.
public enum TLSProbe {
    /// Nil when the handshake succeeds; else the problem, as precisely as the certificate tells.
    public static func problem(host: String, port: Int, tls: TLSOptions, timeout: Duration) async throws -> TLSProblem? {
        let configuration = try tls.makeTLSConfiguration()
        let failure: any Error
        do {
            _ = try await handshake(host: host, port: port, configuration: configuration, timeout: timeout)
            return nil
        } catch {
            failure = error
        }
        guard let problem = TLSProblem(failure, host: host) else {
            return .other(TransportFailure.describe(failure, call: HTTPCall(method: .GET, server: ICWSServer(scheme: "https", host: host, port: port),
                                                                             path: "/"), timeout: timeout).description)
        }
        switch problem {
        case .verificationFailed, .nameMismatch:
            var unverified = configuration
            unverified.certificateVerification = .none
            guard let certificate = try? await handshake(host: host, port: port, configuration: unverified, timeout: timeout) else {
                return problem
            }
            return refined(problem, by: certificate, now: Date())
        default:
            return problem
        }
    }

    /// The dates and names of the certificate explain a failed verification.
    static func refined(_ problem: TLSProblem, by certificate: PeerCertificate, now: Date) -> TLSProblem {
        switch problem {
        case .verificationFailed where now > certificate.notValidAfter: .expired(certificate.notValidAfter)
        case .verificationFailed where now < certificate.notValidBefore: .notYetValid(certificate.notValidBefore)
        case .verificationFailed: .untrustedChain
        case .nameMismatch(let asked, _): .nameMismatch(asked: asked, covered: certificate.names)
        default: problem
        }
    }

    /// The leaf certificate the server sent (nil when it sent none).
    private static func handshake(host: String, port: Int, configuration: TLSConfiguration, timeout: Duration) async throws -> PeerCertificate? {
        let context = try NIOSSLContext(configuration: configuration)
        let serverName = host.contains(":") || host.allSatisfy({ $0.isNumber || $0 == "." }) ? nil : host
        let promise = MultiThreadedEventLoopGroup.singleton.any().makePromise(of: PeerCertificate?.self)
        let channel = try await ClientBootstrap(group: promise.futureResult.eventLoop)
            .connectTimeout(TimeAmount(timeout))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: serverName))
                    try channel.pipeline.syncOperations.addHandler(HandshakeOutcome(promise, timeout: timeout))
                }
            }
            .connect(host: host, port: port).get()
        defer { channel.close(promise: nil) }
        return try await promise.futureResult.get()
    }
}

/// What a front end may show of a server's certificate.
struct PeerCertificate: Sendable {
    let notValidBefore: Date
    let notValidAfter: Date
    /// The DNS names and IP addresses of its subject alternative names.
    let names: [String]

    init(notValidBefore: Date, notValidAfter: Date, names: [String]) {
        self.notValidBefore = notValidBefore
        self.notValidAfter = notValidAfter
        self.names = names
    }

    init(_ certificate: NIOSSLCertificate) {
        let names = certificate._subjectAlternativeNames().compactMap { name -> String? in
            let bytes = name.contents.withUnsafeBufferPointer { Array($0) }
            switch name.nameType {
            case .dnsName: return String(decoding: bytes, as: UTF8.self)
            case .ipAddress: return Self.address(bytes)
            default: return nil
            }
        }
        self.init(notValidBefore: Date(timeIntervalSince1970: TimeInterval(certificate.notValidBefore)),
                  notValidAfter: Date(timeIntervalSince1970: TimeInterval(certificate.notValidAfter)), names: names)
    }

    private static func address(_ bytes: [UInt8]) -> String? {
        let family: Int32
        switch bytes.count {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return nil
        }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(family, bytes, &text, socklen_t(text.count)) != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Completes the promise once: with the peer's certificate when the handshake completes, with the
/// error when it fails, the connection closes or `timeout` passes first.
private final class HandshakeOutcome: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private let promise: EventLoopPromise<PeerCertificate?>
    private let timeout: Duration
    private var done = false
    private var timer: Scheduled<Void>?

    init(_ promise: EventLoopPromise<PeerCertificate?>, timeout: Duration) {
        self.promise = promise
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            bound.value.finish(.failure(HTTPClientError.tlsHandshakeTimeout))
            channel.close(promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent {
            let certificate = try? context.pipeline.syncOperations.handler(type: NIOSSLClientHandler.self).peerCertificate
            finish(.success(certificate.map(PeerCertificate.init)))
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        finish(.failure(error))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(ChannelError.eof))
        context.fireChannelInactive()
    }

    private func finish(_ result: Result<PeerCertificate?, any Error>) {
        guard !done else { return }
        done = true
        timer?.cancel()
        promise.completeWith(result)
    }
}
