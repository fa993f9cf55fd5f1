import Foundation

/// Reads a pipe with read(2), retrying when a signal interrupts it: `FileHandle.availableData` and
/// `readDataToEndOfFile` trap on EINTR, and these tests send signals.
enum DescriptorReading {
    /// One read: the bytes that were there, or empty at end of file or on an error.
    static func chunk(_ descriptor: Int32) -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Data(buffer[..<count]) }
            if count < 0, errno == EINTR { continue }
            return Data()
        }
    }

    /// Everything until end of file.
    static func all(_ descriptor: Int32) -> Data {
        var data = Data()
        while true {
            let next = chunk(descriptor)
            if next.isEmpty { return data }
            data.append(next)
        }
    }
}
