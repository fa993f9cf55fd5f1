#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--textfile DIR`: the exposition written to `DIR/dxtop.prom` for node_exporter's textfile
/// collector. Each write goes to a temporary file in the same directory, is flushed, and is then
/// renamed over the old one (rename(2) is atomic), so a reader sees the old file or the new one,
/// never half of one.
public struct Textfile: Sendable {
    public static let fileName = "dxtop.prom"
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var path: String { directory + "/" + Self.fileName }

    /// Replaces the file with `bytes`; throws a one-line reason naming the path.
    public func write(_ bytes: [UInt8]) throws(TextfileError) {
        // A leading dot: node_exporter reads only `*.prom`, so the temporary file is never read.
        let temporary = "\(directory)/.\(Self.fileName).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw TextfileError(path: temporary, action: "cannot create", code: errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                writeBytes(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let code = errno
                close(descriptor)
                unlink(temporary)
                throw TextfileError(path: temporary, action: "cannot write", code: code)
            }
            written += count
        }
        let synced = fsync(descriptor) == 0
        let code = errno
        close(descriptor)
        guard synced else {
            unlink(temporary)
            throw TextfileError(path: temporary, action: "cannot flush", code: code)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw TextfileError(path: path, action: "cannot replace", code: code)
        }
    }
}

/// write(2), named apart from `Textfile.write`.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

public struct TextfileError: Error, CustomStringConvertible {
    let path: String
    let action: String
    let code: Int32

    public var description: String { "\(action) \(path): \(String(cString: strerror(code)))" }
}
