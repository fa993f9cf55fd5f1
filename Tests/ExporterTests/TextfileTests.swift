import Exporter
import Foundation
import Synchronization
import Testing

@Suite("Textfile mode")
struct TextfileTests {
    /// An exposition of `lines` samples whose last line says how many came before it: a reader
    /// that gets half a file sees a count that does not match (or no last line at all).
    static func content(lines: Int) -> [UInt8] {
        var text = ""
        for index in 0..<lines { text += "dxtop_test_sample{index=\"\(index)\"} \(index)\n" }
        return Array((text + "# lines \(lines)\n").utf8)
    }

    static func isWhole(_ data: Data) -> Bool {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines.last == "", let count = Int(lines[lines.count - 2].dropFirst("# lines ".count)) else { return false }
        return lines.count - 2 == count
    }

    @Test("a reader in a loop never parses a partial file while the writer replaces it thousands of times")
    func atomicReplace() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dxtop-textfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = Textfile(directory: directory.path)
        try file.write(Self.content(lines: 1))
        let big = Self.content(lines: 20_000), small = Self.content(lines: 3)
        let rounds = 400
        // Reader and writer are busy loops: each runs on a thread of its own, not on the test run's
        // cooperative threads (two on this machine), which every other test in the process shares.
        let readsSoFar = ReadCount(), stop = ReadCount()
        async let reading = Self.onThread { () -> (reads: Int, partial: Int) in
            var reads = 0, partial = 0
            while stop.value == 0 {
                guard let data = FileManager.default.contents(atPath: file.path) else { partial += 1; continue }
                reads += 1
                readsSoFar.add()
                if !Self.isWhole(data) { partial += 1 }
            }
            return (reads, partial)
        }
        // The writer goes on until the reader has really read alongside it (on a loaded machine the
        // reader's thread may start late).
        try await Self.onThread {
            var round = 0
            while round < rounds || readsSoFar.value <= 10 {
                try file.write(round.isMultiple(of: 2) ? big : small)
                round += 1
            }
        }
        stop.add()
        let seen = try await reading
        #expect(seen.partial == 0, "\(seen.partial) of \(seen.reads) reads saw a partial or missing file")
        #expect(seen.reads > 10)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == [Textfile.fileName], "no temporary file left behind")
    }

    @Test("a directory that does not exist is a one-line error naming the path")
    func missingDirectory() {
        #expect(throws: TextfileError.self) { try Textfile(directory: "/nonexistent/dxtop").write([]) }
        do { try Textfile(directory: "/nonexistent/dxtop").write([]) } catch {
            #expect("\(error)".hasPrefix("cannot create /nonexistent/dxtop/.dxtop.prom."))
            #expect("\(error)".hasSuffix("No such file or directory"))
        }
    }
}

extension TextfileTests {
    /// Runs `work` on a new thread and returns its result.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}

/// A count shared by threads: how many reads the reader has made so far (for the writer to wait
/// on), or whether the reader is to stop.
private final class ReadCount: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
}
