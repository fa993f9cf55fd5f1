import Foundation
import NIOSSL

/// Checks `--ca-file` before anything else happens, so a path that is unreadable or holds no
/// certificate is a usage error (status 2) with one line, whichever it is.
enum CAFileCheck {
    static func validate(_ path: String) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CLIError.usage("--ca-file: cannot read \(path)")
        }
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw CLIError.usage("--ca-file: \(path) is not a PEM certificate file")
        }
        guard !certificates.isEmpty else {
            throw CLIError.usage("--ca-file: \(path) holds no PEM certificate")
        }
    }
}
