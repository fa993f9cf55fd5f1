import Foundation

/// Where caches live and the rights on them: `$XDG_CACHE_HOME/dxtop/` (else `~/.cache/dxtop/`),
/// folder 0700, one database per server and user, each file 0600.
public enum CacheFiles {
    /// The folder of every dxtop history cache.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache", isDirectory: true)
        }
        return base.appendingPathComponent("dxtop", isDirectory: true)
    }

    /// The database of `user` on `server` (as `scheme://host:port`): a readable name, with a hash
    /// of the exact pair so that two pairs that read the same never share a file.
    public static func database(server: String, user: String, in folder: URL) -> URL {
        let pair = server.lowercased() + "\n" + user
        let readable = (server.lowercased() + "-" + user).map { ch -> Character in
            ch.isASCII && (ch.isLetter || ch.isNumber || ch == "." || ch == "-" || ch == "_") ? ch : "_"
        }
        return folder.appendingPathComponent("\(String(readable.prefix(80)))-\(fnv1a(pair)).sqlite")
    }

    /// The cache files in `folder`.
    public static func databases(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".sqlite") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The folder 0700 and, before SQLite opens it, the file 0600 (never readable by others, not even briefly).
    static func prepare(_ url: URL) throws {
        try prepareFolder(url.deletingLastPathComponent())
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
    }

    static func prepareFolder(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
    }

    /// The database and SQLite's companion files, 0600.
    static func restrict(_ url: URL) throws {
        for path in companions(url) where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
    }

    /// Removes the database and its companion files.
    public static func remove(_ url: URL) throws {
        for path in companions(url) where FileManager.default.fileExists(atPath: path) {
            try FileManager.default.removeItem(atPath: path)
        }
    }

    private static func companions(_ url: URL) -> [String] {
        [url.path, url.path + "-journal", url.path + "-wal", url.path + "-shm"]
    }

    /// 64-bit FNV-1a in hex: stable across runs and machines (Swift's Hasher is not).
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
