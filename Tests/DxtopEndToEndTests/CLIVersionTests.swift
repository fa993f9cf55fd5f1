import Foundation
import Testing

/// `dxtop --version`: the VERSION file's version, and the commit and build date when
/// scripts/package.sh stamped them (docs/packaging.md).
@Suite("dxtop --version")
struct CLIVersionTests {
    @Test("prints the VERSION file's version, then the stamp or that there is none")
    func version() async throws {
        let version = try RepositoryFiles.text("VERSION").trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try await DxtopBinary.run(["--version"])
        #expect(result.status == 0, "\(result)")
        let development = "dxtop \(version) (development build: no commit or build date stamped)\n"
        let stamped = #/dxtop (\S+) \(commit [0-9a-f]{12}(-dirty)?, built \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\n/#
        let match = try stamped.wholeMatch(in: result.stdout)
        #expect(result.stdout == development || match?.output.1 == Substring(version), "\(result)")
    }
}
