import Foundation

/// Collects what a child process writes to one pipe, on a thread of its own, and lets tests wait
/// until some text has arrived (no sleeping: the reader signals a condition on every chunk).
final class OutputCollector: @unchecked Sendable {
    private let condition = NSCondition()
    private var data = Data()
    private var finished = false

    /// Starts reading `handle` until end of file.
    init(reading handle: FileHandle) {
        let descriptor = handle.fileDescriptor
        let thread = Thread { [self] in
            while true {
                let chunk = DescriptorReading.chunk(descriptor)
                condition.lock()
                if chunk.isEmpty { finished = true } else { data.append(chunk) }
                condition.broadcast()
                condition.unlock()
                if chunk.isEmpty { return }
            }
        }
        thread.start()
    }

    /// Everything read so far, as UTF-8 text (invalid bytes replaced).
    var text: String {
        condition.lock()
        defer { condition.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    /// Everything read so far, as bytes.
    var bytes: Data {
        condition.lock()
        defer { condition.unlock() }
        return data
    }

    /// Waits until the text satisfies `predicate`; false on timeout or when the pipe closed first.
    func wait(until deadline: Date, for predicate: (String) -> Bool) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if predicate(String(decoding: data, as: UTF8.self)) { return true }
            if finished { return false }
            if !condition.wait(until: deadline) { return predicate(String(decoding: data, as: UTF8.self)) }
        }
    }

    /// Waits until the pipe is closed (the writer exited); false on timeout.
    func waitForEnd(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            if !condition.wait(until: deadline) { return finished }
        }
        return true
    }
}
