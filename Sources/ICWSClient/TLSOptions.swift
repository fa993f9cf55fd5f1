import NIOSSL

/// How HTTPS servers are verified. The default verifies certificates against the system roots.
public struct TLSOptions: Sendable, Hashable {
    /// A PEM file of extra trusted CA certificates (CIC servers often use their own CA).
    public var caFile: String?
    /// Skips certificate verification entirely (the CLI warns about it).
    public var insecure: Bool

    public init(caFile: String? = nil, insecure: Bool = false) {
        self.caFile = caFile
        self.insecure = insecure
    }

    /// Checks that `caFile`, if set, can be read and holds at least one PEM certificate, so a front
    /// end can report a bad file before asking for a password.
    public func validate() throws {
        _ = try makeTLSConfiguration()
    }

    /// The NIOSSL client configuration. Reads `caFile` now so a bad path fails before any request.
    func makeTLSConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if insecure {
            configuration.certificateVerification = .none
        }
        if let caFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(caFile)
            } catch {
                throw ICWSError.invalidArgument("cannot read the CA file \(caFile) as PEM certificates")
            }
            guard !certificates.isEmpty else {
                throw ICWSError.invalidArgument("the CA file \(caFile) holds no PEM certificate")
            }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        return configuration
    }
}
