import Testing
@testable import ICWSClient

@Suite struct CredentialsTests {
    let credentials = ICWSCredentials(user: "jdoe", password: "s3cret-pässword")

    @Test func descriptionsHideThePassword() {
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)"] {
            #expect(text.contains("jdoe"))
            #expect(!text.contains("s3cret"))
        }
    }

    @Test func dumpAndMirrorHideThePassword() {
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains("s3cret"))
        let children = Mirror(reflecting: credentials).children.map { "\($0.value)" }
        #expect(!children.joined().contains("s3cret"))
    }

    @Test func configurationDoesNotPrintThePassword() throws {
        let configuration = ICWSClientConfiguration(server: try ICWSServer(parsing: "cic01"), credentials: credentials)
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("s3cret"))
        #expect(!String(describing: configuration).contains("s3cret"))
    }
}
