import Foundation

/// Unbuffered writes to stdout and stderr, so lines reach a pipe as soon as they are written
/// (`jobs watch` is read line by line by scripts).
enum StandardStreams {
    static func out(_ line: String) {
        write(line + "\n", to: FileHandle.standardOutput)
    }

    static func err(_ line: String) {
        write(line + "\n", to: FileHandle.standardError)
    }

    /// `dxtop: <message>` on stderr.
    static func note(_ message: String) {
        err("dxtop: " + message)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        // A closed pipe (e.g. `| head`) must not crash the program with an uncaught error.
        try? handle.write(contentsOf: Data(text.utf8))
    }
}
