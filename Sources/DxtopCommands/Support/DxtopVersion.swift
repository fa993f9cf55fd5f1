import CBuildInfo

/// What `dxtop --version` prints: the VERSION file's version, and the git commit and UTC build date
/// that scripts/package.sh stamps into a release build (docs/packaging.md).
public enum DxtopVersion {
    /// The version alone, as in the VERSION file (`0.1.0`).
    public static let number = stamped(dxtop_build_version()) ?? "unknown"

    /// The git commit of a packaged build (`-dirty` when the tree had changes), nil in a development build.
    public static let commit = stamped(dxtop_build_commit())

    /// The UTC build date of a packaged build (`2026-12-06T12:40:00Z`), nil in a development build.
    public static let buildDate = stamped(dxtop_build_date())

    public static var current: String {
        guard let commit, let buildDate else {
            return "dxtop \(number) (development build: no commit or build date stamped)"
        }
        return "dxtop \(number) (commit \(commit), built \(buildDate))"
    }

    private static func stamped(_ text: UnsafePointer<CChar>) -> String? {
        String(cString: text).split(whereSeparator: \.isWhitespace).first.map(String.init)
    }
}
